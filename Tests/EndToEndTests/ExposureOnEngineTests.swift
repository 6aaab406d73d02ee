import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
import TestSupport
import Testing

/// `ailab exposure` against the private engine: containers bound to 127.0.0.1, 0.0.0.0 and the
/// test bridge's own address, a Traefik route from labels, and the fixture's / (200) and
/// /private/ (401 without basic auth) as the answers without and with auth.
@Suite(.serialized, .enabled(if: TestEngine.enabled))
struct ExposureOnEngineTests {
    static let yaml = """
        name: PROJECT
        services:
          traefik:
            image: traefik:v3.7.10
            command: ["--providers.docker.exposedbydefault=false"]
            x-ailab: {layer: public}
          store:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: data}
          panel:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: observability, exposure: {kind: admin, auth-path: /private/}}
          open-panel:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: observability, exposure: admin}
          web:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: app}
        """

    /// The test bridge's address: an address of this host that is not loopback.
    static var bridgeAddress: String {
        let cidr = ProcessInfo.processInfo.environment["AILAB_TEST_BRIDGE_CIDR"] ?? "172.31.213.1/24"
        return String(cidr.split(separator: "/")[0])
    }

    /// A fixture httpd labelled as `component` of the lab's project, its :8080 on `ip:port`.
    @discardableResult
    static func run(_ lab: inout EngineLab, _ component: String, ip: String, port: Int, containerPort: Int = 8080, labels: [String: String] = [:]) async throws -> String {
        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
        spec.labels = [
            ComposeLabel.project: lab.project, ComposeLabel.service: component, ComposeLabel.containerNumber: "1", ComposeLabel.oneoff: "False",
        ].merging(labels) { $1 }
        spec.publish(containerPort: containerPort, hostPort: port, hostIP: ip)
        let id = try await lab.client.createContainer(name: "\(lab.project)-\(component)-1", spec: spec)
        lab.adopt(id)
        try await lab.client.startContainer(id)
        return id
    }

    /// `ailab exposure --json`, again until `done` holds (a fresh container's port may not answer at once).
    static func exposure(_ lab: EngineLab, until done: (AilabBinary.Result, [String: [String: Any]]) -> Bool) async throws -> (AilabBinary.Result, [String: [String: Any]]) {
        var last: (AilabBinary.Result, [String: [String: Any]])!
        for _ in 0..<20 {
            let result = try AilabBinary.run(["exposure", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            let rows = try #require(json["ports"] as? [[String: Any]])
            last = (result, Dictionary(rows.map { ("\($0["service"]!)", $0) }) { first, _ in first })
            if done(last.0, last.1) { return last }
            try await Task.sleep(for: .milliseconds(300))
        }
        return last
    }

    @Test func namesReachRouteAuthAndVerdictOfEveryPortAndExitsOneForAnExposedDataStore() async throws {
        try await EngineLab.with(yaml: Self.yaml) { lab in
            let (traefikPort, storePort, panelPort, openPort, webPort) = (freePort(), freePort(), freePort(), freePort(), freePort())
            try await Self.run(&lab, "traefik", ip: "127.0.0.1", port: traefikPort)
            let store = try await Self.run(&lab, "store", ip: "0.0.0.0", port: storePort)
            try await Self.run(&lab, "panel", ip: Self.bridgeAddress, port: panelPort)
            try await Self.run(&lab, "open-panel", ip: "0.0.0.0", port: openPort)
            try await Self.run(&lab, "web", ip: "127.0.0.1", port: webPort, labels: [
                "traefik.enable": "true", "traefik.http.routers.web.rule": "Host(`web.test`)",
                "traefik.http.services.web.loadbalancer.server.port": "8080",
            ])
            func exposure(_ row: [String: Any]?) -> [String: Any] { row?["exposure"] as? [String: Any] ?? [:] }
            func auth(_ row: [String: Any]?) -> String? { (exposure(row)["auth"] as? [String: Any])?["result"] as? String }
            let (result, rows) = try await Self.exposure(lab) { _, rows in ["store", "panel", "open-panel", "web"].allSatisfy { auth(rows[$0]) != "no-answer" } }
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("store :\(storePort): data store on all interfaces"), "\(result.stderr)")
            #expect(result.stderr.contains("open-panel :\(openPort): admin interface on all interfaces without credentials"), "\(result.stderr)")
            #expect(!result.stderr.contains("panel :\(panelPort)"), "\(result.stderr)")

            #expect(exposure(rows["store"])["reach"] as? String == "all-interfaces")
            #expect(exposure(rows["store"])["kind"] as? String == "data-store")
            #expect(auth(rows["store"]) == "open")
            #expect(exposure(rows["store"])["verdict"] as? String == "exposed")
            #expect(exposure(rows["panel"])["reach"] as? String == "address")
            #expect(exposure(rows["panel"])["address"] as? String == Self.bridgeAddress)
            #expect(auth(rows["panel"]) == "required")
            #expect((exposure(rows["panel"])["auth"] as? [String: Any])?["status"] as? Int == 401)
            #expect(exposure(rows["panel"])["verdict"] as? String == "protected")
            #expect(auth(rows["open-panel"]) == "open")
            #expect(exposure(rows["open-panel"])["verdict"] as? String == "exposed")
            #expect(exposure(rows["web"])["reach"] as? String == "loopback")
            let routes = exposure(rows["web"])["routes"] as? [[String: Any]]
            #expect(routes?.first?["rule"] as? String == "Host(`web.test`)")
            #expect(routes?.first?["authenticated"] as? Bool == false)
            // Traefik itself listens on loopback only: the route reaches no further.
            #expect(exposure(rows["web"])["verdict"] as? String == "local")
            #expect(exposure(rows["traefik"])["kind"] as? String == "entry")

            // The same per port in `status --json`.
            let status = try AilabBinary.run(["status", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            let services = try #require(json["services"] as? [[String: Any]])
            let storePorts = services.first { $0["name"] as? String == "store" }?["ports"] as? [[String: Any]]
            #expect(exposure(storePorts?.first)["verdict"] as? String == "exposed")
            #expect(storePorts?.first?["hostIp"] as? String == "0.0.0.0")

            // Bound to loopback (and the open admin interface gone): nothing is exposed.
            try await lab.client.removeContainer(store, force: true)
            try await Self.run(&lab, "store", ip: "127.0.0.1", port: storePort)
            let openPanel = try #require(try await lab.snapshot { $0.status(of: "open-panel")?.isInstalled == true }.status(of: "open-panel")?.containers.first?.id)
            try await lab.client.removeContainer(openPanel, force: true)
            let (after, afterRows) = try await Self.exposure(lab) { result, _ in result.status == 0 }
            #expect(after.status == 0, "\(after.stderr)")
            #expect(exposure(afterRows["store"])["reach"] as? String == "loopback")
            #expect(exposure(afterRows["store"])["verdict"] as? String == "local")
            #expect(afterRows["open-panel"] == nil)
        }
    }

    /// The issue's "done when": installed from a catalog that publishes a data store on all
    /// interfaces (the install warns, naming the port), `exposure` exits 1 naming it; once the
    /// catalog binds it to loopback and it is recreated, 0.
    @Test func anInstallWarnsAndExposureExitsOneUntilTheDataStoreIsOnLoopback() async throws {
        let port = freePort()
        let yaml = { (binding: String) in
            "name: PROJECT\nservices:\n  store:\n    image: ailab-fixture/httpd:1\n    ports: [\"\(binding)\(port):8080\"]\n    stop_grace_period: 1s\n    x-ailab: {layer: data}\n"
        }
        try await EngineLab.withProject(yaml: yaml("")) { lab in
            let install = try lab.cli(["install", "store"])
            #expect(install.status == 0, "\(install.stderr)")
            #expect(install.stderr.contains("warning: store would publish host port \(port)/tcp (a data store) on all interfaces"), "\(install.stderr)")
            let exposed = try lab.cli(["exposure", "--json"])
            #expect(exposed.status == 1, "\(exposed.stderr)")
            #expect(exposed.stderr.contains("exposed: store :\(port): data store on all interfaces"), "\(exposed.stderr)")

            try yaml("127.0.0.1:").replacingOccurrences(of: "name: PROJECT", with: "name: \(lab.project)").write(toFile: lab.catalogPath, atomically: true, encoding: .utf8)
            let recreate = try lab.cli(["install", "store", "--yes"])
            #expect(recreate.status == 0, "\(recreate.stderr)")
            #expect(!recreate.stderr.contains("warning:"), "\(recreate.stderr)")
            let safe = try lab.cli(["exposure", "--json"])
            #expect(safe.status == 0, "\(safe.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(safe.stdout.utf8)) as? [String: Any])
            let row = (json["ports"] as? [[String: Any]])?.first { $0["service"] as? String == "store" }
            #expect((row?["exposure"] as? [String: Any])?["reach"] as? String == "loopback")
            #expect((json["problems"] as? [String]) == [])
        }
    }

    @Test func theTableNamesEachPortAndAnUnreachableEngineExitsTwo() async throws {
        try await EngineLab.with(yaml: Self.yaml) { lab in
            let port = freePort()
            try await Self.run(&lab, "store", ip: "127.0.0.1", port: port)
            let result = try AilabBinary.run(["exposure", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(result.status == 0, "\(result.stderr)")
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("store ") }.map(String.init) ?? ""
            #expect(line.contains(":\(port)") && line.contains("data-store") && line.contains("loopback") && line.hasSuffix("local"), "\(result.stdout)")
            let gone = try AilabBinary.run(["exposure", "--catalog", lab.catalogPath, "--host", "unix:///nonexistent/ailab.sock", "--timeout", "1"])
            #expect(gone.status == 2)
            #expect(gone.stderr.contains("ailab:"))
            let bad = try AilabBinary.run(["exposure", "--catalog", "/nonexistent/lab.yaml", "--host", TestEngine.host!])
            #expect(bad.status == 3)
        }
    }
}
