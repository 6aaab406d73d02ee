import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
import LabExposure
@testable import LabModel
import LabProbes
import LabRoadmap
import TestSupport
import Testing

/// Probes, exposure auth checks and metric checks, given a lab over two engines, each ask the
/// host of the engine the service runs on (issue 16). Engine "box" stands at this machine's
/// non-loopback address, where its service's listener listens alone: an answer from it proves
/// the check went there, not to 127.0.0.1; a port box binds to its own loopback is never asked here.
@Suite(.serialized) struct EngineHostCheckTests {
    static let yaml = """
        name: lab
        services:
          web:
            image: example/web:1
            ports: ["8080:80"]
            x-ailab: {layer: app, probe: {path: /health}}
          api:
            image: example/api:1
            ports: ["9090:90"]
            x-ailab: {layer: app, engine: box, probe: {path: /health}}
          hidden:
            image: example/hidden:1
            ports: ["127.0.0.1:7070:70"]
            x-ailab: {layer: data, engine: box, probe: {path: /health}}
        x-ailab:
          roadmap:
            metrics:
              - {id: g, title: G, phases: [1], items: [{id: api-up, text: T, check: {http: {service: api, path: /health, status: 200}}}]}
        """

    /// Each server: /health answers 200, anything else `other` (the auth check's GET /).
    static func server(at address: String, other: Int) throws -> FakeHTTPServer {
        try FakeHTTPServer(address: address) { path, _ in path == "/health" ? (200, "{}") : (other, "{}") }
    }

    static func engine(_ name: String, _ endpoint: String) -> EngineInfo {
        var info = EngineInfo(endpoint: endpoint, reachable: true, version: "20.10", apiVersion: "1.41")
        info.name = name
        return info
    }

    static func container(_ service: String, on engine: String, private port: Int, public published: Int, ip: String) -> ContainerStatus {
        var container = Fixtures.container("lab-\(service)-1", service: service, image: "example/\(service):1",
                                           ports: [PortBinding(ip: ip, privatePort: port, publicPort: published)])
        container.engine = engine
        return container
    }

    @Test func eachCheckAsksTheHostOfTheServicesEngine() async throws {
        let boxIP = try #require(nonLoopbackIPv4(), "this machine has no non-loopback IPv4 address to stand for engine box")
        let here = try Self.server(at: "127.0.0.1", other: 401)
        let box = try Self.server(at: boxIP, other: 200)
        let boxLoopback = try Self.server(at: "127.0.0.1", other: 200)  // box's own loopback is not this one
        defer { [here, box, boxLoopback].forEach { $0.stop() } }
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "engines.yaml")
        let engines = [Self.engine("here", "unix:///x.sock"), Self.engine("box", "tcp://\(boxIP):2376")]
        let snapshot = LabSnapshot(catalog: catalog, engines: engines, containers: [
            Self.container("web", on: "here", private: 80, public: here.port, ip: "0.0.0.0"),
            Self.container("api", on: "box", private: 90, public: box.port, ip: "0.0.0.0"),
            Self.container("hidden", on: "box", private: 70, public: boxLoopback.port, ip: "127.0.0.1"),
        ])

        // Probes: each engine's prober (EngineSetLoader's path).
        let loader = EngineSetLoader(engines: [
            .init(name: "here", client: DockerClient(endpoint: .unix(path: "/x.sock"))),
            .init(name: "box", client: DockerClient(endpoint: .tcp(host: boxIP, port: 2376))),
        ], catalog: catalog)
        let probes = await loader.probe(snapshot)
        #expect(probes["web"]?.outcome == .passed)
        #expect(probes["api"]?.outcome == .passed, "\(String(describing: probes["api"]))")
        #expect(probes["hidden"]?.outcome == .notProbed("not probed (bound to loopback on remote engine box)"))

        // Exposure auth checks: one GET / per port, at its engine's address.
        let auth = await AuthChecker().check(snapshot)
        #expect(auth[ExposureJudge.authKey(hostIP: "0.0.0.0", port: here.port, proto: "tcp", engine: "here")] == .required(401))
        #expect(auth[ExposureJudge.authKey(hostIP: "0.0.0.0", port: box.port, proto: "tcp", engine: "box")] == .open(200))
        #expect(auth[ExposureJudge.authKey(hostIP: "127.0.0.1", port: boxLoopback.port, proto: "tcp", engine: "box")]
            == .notChecked("bound to loopback on remote engine box"))
        let judged = ExposureJudge.judge(snapshot, auth: auth)
        #expect(judged.first { $0.hostPort == box.port }?.auth == .open(200))

        // Metric checks (the console's roadmap and `ailab check`).
        let metric = try #require(catalog.roadmap.metrics.first?.check)
        let (met, detail) = await MetricChecker(snapshot: snapshot).run(metric)
        #expect(met, "\(detail)")

        #expect(box.requests.map(\.path).sorted() == ["/", "/health", "/health"])
        #expect(boxLoopback.requests.isEmpty)  // never asked: that port is on box's loopback
    }
}
