import DockerClient
import Foundation
import LabCatalog
import TestSupport
import Testing

/// Success metrics checked against fixture services on the private engine, met and unmet,
/// through `ailab check`, `ailab roadmap` and `ailab mark` as a script would use them.
extension StatusOnEngineTests {
    static func checkCatalog(web: Int, api: Int, prometheus: Int) -> String {
        """
        name: PROJECT
        services:
          web:
            image: ailab-fixture/httpd:1
            ports: ["127.0.0.1:\(web):8080"]
            x-ailab: {layer: app, phase: 1, probe: {path: /health}}
          api:
            image: ailab-fixture/httpd:1
            ports: ["127.0.0.1:\(api):8080"]
            x-ailab: {layer: gateway, phase: 1}
          prometheus:
            image: ailab-fixture/httpd:1
            ports: ["127.0.0.1:\(prometheus):8080"]
            x-ailab: {layer: observability, phase: 2}
        x-ailab:
          roadmap:
            phases:
              - {number: 1, title: One, weeks: "1-2", items: [{service: web, effort: low}, {service: api, effort: high}]}
              - {number: 2, title: Two, items: [{service: prometheus, effort: low}]}
            metrics:
              - id: g1
                title: Phase one
                phases: [1]
                items:
                  - {id: web-json, text: web has a collection, check: {json: {service: web, path: /json/collections, pointer: /result/collections, count-at-least: 1}}}
                  - {id: api-models, text: api routes to 5 models, check: {json: {service: api, path: /json/models, pointer: /data, count-at-least: 5}}}
                  - {id: web-http, text: web answers, check: {http: {service: web, path: /health, status: 200}}}
                  - {id: api-missing, text: api has /missing, check: {http: {service: api, path: /missing}}}
                  - {id: both-healthy, text: web and api healthy, check: {healthy: [web, api]}}
                  - {id: by-hand, text: a person says so}
              - id: g2
                title: Phase two
                phases: [2]
                items:
                  - {id: targets, text: everything scraped, check: {prometheus-targets-up: prometheus}}
        """
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func metricChecksTellTheTruthAndFlipWhenThePhaseComesUp() async throws {
        let ports = (freePort(), freePort(), freePort())
        try await EngineLab.with(yaml: Self.checkCatalog(web: ports.0, api: ports.1, prometheus: ports.2)) { lab in
            try await lab.run("web", .healthy, hostPort: ports.0)
            let sickAPI = try await lab.run("api", .unhealthy, hostPort: ports.1)
            try await lab.run("prometheus", .noCheck, hostPort: ports.2)
            _ = try await lab.snapshot { $0.status(of: "web")?.health == .healthy && $0.status(of: "api")?.health == .unhealthy }
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-checks-\(lab.project)").path
            defer { try? FileManager.default.removeItem(atPath: state) }
            let environment = ["XDG_STATE_HOME": state]
            let arguments = ["--catalog", lab.catalogPath, "--host", TestEngine.host!]

            let first = try AilabBinary.run(["check", "--phase", "1", "--json"] + arguments, environment: environment)
            #expect(first.status == 1, "\(first.stderr)")
            let metrics = try #require(try json(first.stdout)["metrics"] as? [[String: Any]])
            func metric(_ id: String) -> [String: Any]? { metrics.first { $0["id"] as? String == id } }
            #expect(metric("web-json")?["met"] as? Bool == true)
            #expect(metric("api-models")?["met"] as? Bool == false)
            #expect((metric("api-models")?["detail"] as? String)?.contains("/data has 3 entries; needs 5 or more") == true)
            #expect(metric("web-http")?["met"] as? Bool == true)
            #expect((metric("api-missing")?["detail"] as? String)?.contains("answered 404") == true)
            #expect((metric("both-healthy")?["detail"] as? String) == "api is unhealthy (check exit 1)")
            #expect(metric("by-hand")?["kind"] as? String == "manual")
            #expect(metric("by-hand")?["met"] as? Bool == false)
            #expect(metric("web-json")?["kind"] as? String == "auto" && metric("web-json")?["at"] is String)

            let targets = try AilabBinary.run(["check", "--phase", "2"] + arguments, environment: environment)
            #expect(targets.status == 1)
            #expect(targets.stdout.contains("not scraped: api"))

            #expect(try AilabBinary.run(["mark", "by-hand"] + arguments, environment: environment).status == 0)
            #expect(try AilabBinary.run(["mark", "web-json"] + arguments, environment: environment).status == 3)
            #expect(try AilabBinary.run(["mark", "no-such"] + arguments, environment: environment).status == 3)

            // The phase comes up: a healthy api replaces the sick one.
            try await lab.run("api", .healthy, hostPort: ports.1, replacing: sickAPI)
            _ = try await lab.snapshot { $0.status(of: "api")?.health == .healthy }
            let roadmap = try AilabBinary.run(["roadmap", "--json"] + arguments, environment: environment)
            #expect(roadmap.status == 0, "\(roadmap.stderr)")
            let report = try json(roadmap.stdout)
            let phases = try #require(report["phases"] as? [[String: Any]])
            let one = try #require(phases.first { $0["number"] as? Int == 1 })
            #expect((one["progress"] as? [String: Int]) == ["done": 2, "total": 2])
            #expect((one["items"] as? [[String: Any]])?.map { $0["state"] as? String } == ["healthy", "healthy"])
            #expect(one["title"] as? String == "One")
            let after = try #require(report["metrics"] as? [[String: Any]])
            #expect(after.first { $0["id"] as? String == "both-healthy" }?["met"] as? Bool == true)
            #expect(after.first { $0["id"] as? String == "by-hand" }?["met"] as? Bool == true)
            #expect(after.first { $0["id"] as? String == "by-hand" }?["group"] as? String == "g1")
            #expect((one["items"] as? [[String: Any]])?.first?["firstHealthy"] is String)
        }
    }
}
