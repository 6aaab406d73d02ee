import Console
import ConsoleEffects
@testable import DockerClient
import Foundation
import LabCatalog
import LabModel
import TestSupport
import Testing

/// The Ports screen over two engines: opening it asks each port's "listening" at the host of the
/// engine that publishes it (issue 16), and the answers land on the right rows. Engine "box"
/// stands at this machine's non-loopback address, where its listener listens alone.
struct PortsOnEnginesTests {
    static let yaml = """
        name: lab
        services:
          web: {image: example/web:1, ports: ["8080:80"], x-ailab: {layer: app}}
          api: {image: example/api:1, ports: ["9090:90"], x-ailab: {layer: app, engine: box}}
          hidden: {image: example/hidden:1, ports: ["127.0.0.1:7070:70"], x-ailab: {layer: data, engine: box}}
        """

    static func container(_ service: String, on engine: String, port: Int, ip: String) -> ContainerStatus {
        var container = ContainerStatus(summary: ContainerSummary(
            id: "id-\(service)", names: ["/lab-\(service)-1"], image: "example/\(service):1", state: "running", status: "Up 1 minute",
            ports: [PortBinding(ip: ip, privatePort: 80, publicPort: port)],
            labels: ["com.docker.compose.project": "lab", "com.docker.compose.service": service]))
        container.engine = engine
        return container
    }

    @Test func listeningIsAskedAtEachEnginesHost() async throws {
        let boxIP = try #require(nonLoopbackIPv4(), "this machine has no non-loopback IPv4 address to stand for engine box")
        let here = try FakeHTTPServer { _, _ in (200, "") }
        let box = try FakeHTTPServer(address: boxIP) { _, _ in (200, "") }
        defer { here.stop(); box.stop() }
        var local = EngineInfo(endpoint: "unix:///x.sock", reachable: true)
        local.name = "here"
        var remote = EngineInfo(endpoint: "tcp://\(boxIP):2376", reachable: true)
        remote.name = "box"
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "ports.yaml")
        let snapshot = LabSnapshot(catalog: catalog, engines: [local, remote], containers: [
            Self.container("web", on: "here", port: here.port, ip: "0.0.0.0"),
            Self.container("api", on: "box", port: box.port, ip: "0.0.0.0"),
            Self.container("hidden", on: "box", port: here.port, ip: "127.0.0.1"),  // box's loopback, not this machine's
        ])
        var state = AppState(snapshot: snapshot, width: 120, height: 40)
        let effects = Reducer.reduce(&state, .input(.key(.char("3"))))
        let asked = try #require(effects.lazy.compactMap { if case .probePorts(let targets) = $0 { targets } else { nil } }.first)
        #expect(Set(asked) == [PortProbe.Target(port: here.port), PortProbe.Target(host: boxIP, port: box.port)])

        let answers = await DockerEffectEngine(client: DockerClient(endpoint: .unix(path: "/x.sock"))).listening(asked)
        _ = Reducer.reduce(&state, .portProbes(answers))
        let rows = Dictionary(state.frame.portRows.map { ($0.service ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(rows["web"]?.listening == true && rows["web"]?.engine == "here")
        #expect(rows["api"]?.listening == true && rows["api"]?.engine == "box")
        #expect(rows["hidden"]?.listening == nil && rows["hidden"]?.unreachable == "bound to loopback on remote engine box")
        // The same port asked on this machine's loopback does not answer: box's answer came from box's address.
        #expect(await PortProbe.listening([PortProbe.Target(port: box.port)]) == [PortProbe.Target(port: box.port): false])
        // The same host port on two engines is not a clash.
        #expect(rows["hidden"]?.clashesWith == [] && rows["web"]?.clashesWith == [])
    }
}
