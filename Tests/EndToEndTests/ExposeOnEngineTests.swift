import DockerClient
import Foundation
import LabCatalog
@testable import LabExposure
import TestSupport
import Testing

/// `ailab expose`/`unexpose` on the private engine: a fixture lab whose Traefik reads a file
/// provider directory and whose cloudflared reads a config file, both bind-mounted from a
/// host folder of the test's own; stand-in containers play Traefik, cloudflared and Open WebUI.
@Suite(.serialized, .enabled(if: TestEngine.enabled))
struct ExposeOnEngineTests {
    static let ingress = """
        tunnel: lab
        credentials-file: /etc/cloudflared/lab.json
        ingress:
          - hostname: grafana.example.test
            service: http://traefik:80
          - service: http_status:404

        """
    static let otherRoute = "http:\n  routers:\n    hand-made:\n      rule: \"Host(`hand.example.test`)\"\n      service: hand\n"

    static func yaml(_ folder: String) -> String {
        """
        name: PROJECT
        services:
          traefik:
            image: traefik:v3.7.10
            command: ["--providers.docker.exposedbydefault=false", "--providers.file.directory=/etc/traefik/dynamic"]
            volumes: ["\(folder)/dynamic:/etc/traefik/dynamic:ro"]
            x-ailab: {layer: public}
          cloudflared:
            image: cloudflare/cloudflared:2026.8.2
            command: ["tunnel", "--no-autoupdate", "--config", "/etc/cloudflared/config.yml", "run"]
            volumes: ["\(folder)/cloudflared:/etc/cloudflared:ro"]
            x-ailab: {layer: public, exposure: admin}
          open-webui:
            image: ailab-fixture/httpd:1
            labels:
              traefik.enable: "true"
              traefik.http.routers.open-webui.rule: Host(`open-webui.example.test`)
              traefik.http.services.open-webui.loadbalancer.server.port: "8080"
            x-ailab: {layer: app}
        """
    }

    /// The fixture's folder: the file provider's directory (holding one hand-made route) and cloudflared's config.
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expose-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder + "/dynamic", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/cloudflared", withIntermediateDirectories: true)
        try otherRoute.write(toFile: folder + "/dynamic/hand-made.yml", atomically: true, encoding: .utf8)
        try ingress.write(toFile: folder + "/cloudflared/config.yml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Stand-ins for Traefik (its :80 published on loopback), cloudflared and Open WebUI (labelled as the catalog labels it).
    static func standIns(_ lab: inout EngineLab) async throws {
        try await ExposureOnEngineTests.run(&lab, "traefik", ip: "127.0.0.1", port: freePort(), containerPort: 80)
        try await ExposureOnEngineTests.run(&lab, "cloudflared", ip: "127.0.0.1", port: freePort())
        try await ExposureOnEngineTests.run(&lab, "open-webui", ip: "127.0.0.1", port: freePort(), labels: [
            "traefik.enable": "true", "traefik.http.routers.open-webui.rule": "Host(`open-webui.example.test`)",
            "traefik.http.services.open-webui.loadbalancer.server.port": "8080",
        ])
    }

    /// Every file under `folder`, path → bytes.
    static func files(_ folder: String) -> [String: Data] {
        let names = FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap { $0 as? String } ?? []
        return Dictionary(uniqueKeysWithValues: names.compactMap { name in FileManager.default.contents(atPath: folder + "/" + name).map { (name, $0) } })
    }

    /// Open WebUI's routes and tunnels, as `ailab exposure --json` reports its port.
    static func openWebUI(_ lab: EngineLab) throws -> (routes: [[String: Any]], tunnels: [[String: Any]], verdict: String?) {
        let report = try lab.cli(["exposure", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any], "\(report.stderr)")
        let row = try #require((json["ports"] as? [[String: Any]])?.first { $0["service"] as? String == "open-webui" }, "\(report.stdout)")
        let exposure = try #require(row["exposure"] as? [String: Any])
        return (exposure["routes"] as? [[String: Any]] ?? [], exposure["tunnels"] as? [[String: Any]] ?? [], exposure["verdict"] as? String)
    }

    @Test func exposeViaCloudflaredWritesTheRouteAndIngressThatExposureShowsAndUnexposeRestoresEveryByte() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await EngineLab.withProject(yaml: Self.yaml(folder)) { lab in
            try await Self.standIns(&lab)
            let before = Self.files(folder)
            // Before: the label router, unauthenticated, which cloudflared's ingress to Traefik carries.
            #expect(try Self.openWebUI(lab).verdict == "open")

            // No terminal and no --yes: the question is printed, nothing changes.
            let unasked = try lab.cli(["expose", "open-webui", "--via", "cloudflared"])
            #expect(unasked.status == 3, "\(unasked.stderr)")
            #expect(unasked.stderr.contains("Expose open-webui? http://open-webui.example.test (→ http://open-webui:8080) becomes reachable"), "\(unasked.stderr)")
            #expect(unasked.stderr.contains("from the internet through cloudflared (open-webui.example.test)"), "\(unasked.stderr)")
            #expect(Self.files(folder) == before)
            #expect(try lab.cli(["expose", "open-webui", "--via", "ngrok", "--yes"]).status == 3)

            let exposed = try lab.cli(["expose", "open-webui", "--via", "cloudflared", "--yes"])
            #expect(exposed.status == 0, "\(exposed.stderr)")
            let passwordFile = lab.stateDirectory + "/secrets/EXPOSE_OPEN_WEBUI_PASSWORD"
            let password = try String(contentsOfFile: passwordFile, encoding: .utf8)
            #expect(password.count == 32)
            #expect(try FileManager.default.attributesOfItem(atPath: passwordFile)[.posixPermissions] as? Int == 0o600)
            #expect(!exposed.stdout.contains(password) && !exposed.stderr.contains(password))
            let route = try String(contentsOfFile: folder + "/dynamic/ailab-expose-open-webui.yml", encoding: .utf8)
            #expect(route.contains("rule: 'Host(`open-webui.example.test`)'"), "\(route)")
            #expect(route.contains("- url: \"http://open-webui:8080\""), "\(route)")
            #expect(route.contains("\"\(Htpasswd.line(user: "ailab", password: password))\""), "\(route)")
            let config = try String(contentsOfFile: folder + "/cloudflared/config.yml", encoding: .utf8)
            #expect(config.contains("  - hostname: open-webui.example.test\n    service: http://traefik:80\n  - service: http_status:404"), "\(config)")
            #expect(try lab.cli(["expose", "open-webui", "--yes"]).status == 3, "a second expose is refused")

            // `exposure --json` shows the route (authenticated) and the tunnel's public name.
            let (routes, tunnels, verdict) = try Self.openWebUI(lab)
            let mine = routes.first { $0["router"] as? String == "ailab-expose-open-webui" }
            #expect(mine?["authenticated"] as? Bool == true, "\(routes)")
            #expect(mine?["middlewares"] as? [String] == ["ailab-expose-open-webui-auth"])
            #expect(tunnels.contains { $0["tunnel"] as? String == "cloudflared" && $0["publicName"] as? String == "open-webui.example.test" }, "\(tunnels)")
            // The label router of the same host is shadowed by the expose route's priority: only the authenticated one is left.
            #expect(routes.count == 1, "\(routes)")
            #expect(verdict == "protected")

            let taken = try lab.cli(["unexpose", "open-webui"])
            #expect(taken.status == 0, "\(taken.stderr)")
            #expect(Self.files(folder) == before, "unexpose leaves every file as it was")
            #expect(!FileManager.default.fileExists(atPath: passwordFile))
            let (routesAfter, tunnelsAfter, _) = try Self.openWebUI(lab)
            #expect(routesAfter.map { $0["router"] as? String } == ["open-webui"], "\(routesAfter)")
            #expect(!tunnelsAfter.contains { $0["publicName"] as? String == "open-webui.example.test" }, "\(tunnelsAfter)")
            let again = try lab.cli(["unexpose", "open-webui"])
            #expect(again.status == 0 && again.stdout.contains("not exposed"), "\(again.stdout)")
        }
    }
}
