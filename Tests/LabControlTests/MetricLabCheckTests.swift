import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabRoadmap
import TestSupport
import Testing

/// The checks that read the lab itself (production readiness, the map) or combine others, and
/// the catalog vocabulary that declares them.
@Suite struct MetricLabCheckTests {
    static let yaml = """
        name: lab
        services:
          edge:
            image: traefik:v3.7.10
            ports: ["80:80"]
            restart: unless-stopped
            healthcheck: {test: ["CMD", "traefik", "healthcheck", "--ping"]}
            x-ailab: {layer: public, phase: 0}
          tunnel:
            image: cloudflare/cloudflared:2026.8.2
            command: ["tunnel", "run", "--url", "http://edge:80"]
            ports: ["127.0.0.1:20241:20241"]
            restart: unless-stopped
            x-ailab: {layer: public, phase: 1, probe: {path: /ready, port: 20241}}
          store:
            image: example/store:latest
            ports: ["5432:5432"]
            x-ailab: {layer: data, phase: 1}
        """

    static func snapshot(_ containers: [ContainerStatus]) throws -> LabSnapshot {
        LabSnapshot(catalog: try CatalogLoader.load(yaml: yaml, file: "lab.yaml"), engine: Fixtures.reachable, containers: containers)
    }

    static func container(_ service: String, ports: [PortBinding] = [], restart: String? = "unless-stopped", arguments: [String] = []) -> ContainerStatus {
        var container = Fixtures.container("lab-\(service)-1", service: service, ports: ports)
        container.restartPolicy = restart
        container.arguments = arguments
        container.inspected = true
        return container
    }

    @Test func productionReadinessNamesEveryFailure() throws {
        let problems = ProductionAudit.problems(try Self.snapshot([
            Self.container("edge", ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 80)]),
            Self.container("store", ports: [PortBinding(ip: "0.0.0.0", privatePort: 5432, publicPort: 5432)], restart: "no"),
        ]))
        #expect(problems == [
            "store image not pinned (example/store:latest)", "store has no healthcheck", "store has no restart policy (lab-store-1)",
            "store publishes :5432 beyond 127.0.0.1",
        ])
        let fine = ProductionAudit.problems(try Self.snapshot([
            Self.container("edge", ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 80)]),
            Self.container("tunnel", ports: [PortBinding(ip: "127.0.0.1", privatePort: 20241, publicPort: 20241)]),
        ]))
        #expect(fine.isEmpty, "the public layer is public on purpose; a probe counts as a check")
    }

    @Test func pinnedMeansATagThatDoesNotFloatOrADigest() {
        #expect(ProductionAudit.isPinned("traefik:v3.7.10"))
        #expect(ProductionAudit.isPinned("127.0.0.1:5000/lab/app@sha256:abc"))
        #expect(!ProductionAudit.isPinned("127.0.0.1:5000/lab/app"))
        #expect(!ProductionAudit.isPinned("ghcr.io/berriai/litellm:main"))
        #expect(!ProductionAudit.isPinned("node:stable"))
    }

    /// Cloudflare's /ready: `{"status":200,"readyConnections":N,"connectorId":…}`
    /// (https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/monitor-tunnels/metrics/).
    @Test func theTunnelCheckWantsEdgeConnectionsAndItsEdgeToTraefikReachable() async throws {
        for (connections, wired, met) in [(4, true, true), (0, true, false), (4, false, false)] {
            let server = try FakeHTTPServer { path, _ in
                path == "/ready" ? (connections > 0 ? 200 : 503, #"{"status":\#(connections > 0 ? 200 : 503),"readyConnections":\#(connections),"connectorId":"c"}"#) : (404, "")
            }
            defer { server.stop() }
            let tunnel = Self.container(
                "tunnel", ports: [PortBinding(ip: "127.0.0.1", privatePort: 20241, publicPort: server.port)],
                arguments: wired ? ["tunnel", "run", "--url", "http://edge:80"] : ["tunnel", "run"])
            let checker = MetricChecker(snapshot: try Self.snapshot([Self.container("edge"), tunnel]))
            let check = MetricCheck.all([
                .json(service: "tunnel", path: "/ready", pointer: "/readyConnections", bound: .atLeast(1)), .edgeReachable(from: "tunnel", to: "edge"),
            ])
            let result = await checker.run(check)
            #expect(result.met == met, "\(result.detail)")
            if !wired { #expect(result.detail.contains("tunnel → edge is broken: missing argument http://edge:80")) }
        }
    }

    @Test func anEdgeTheMapDoesNotHoldIsSaidSo() async throws {
        let checker = MetricChecker(snapshot: try Self.snapshot([]))
        let result = await checker.run(.edgeReachable(from: "store", to: "edge"))
        #expect(!result.met && result.detail == "the map has no edge store → edge")
    }

    @Test func theVocabularyParsesAndRefusesWhatItDoesNotKnow() throws {
        func load(_ check: String) throws -> MetricCheck? {
            let text = Self.yaml + "\nx-ailab:\n  roadmap:\n    metrics:\n      - {id: g, title: G, phases: [1], items: [{id: m, text: T, check: \(check)}]}\n"
            return try CatalogLoader.load(yaml: text, file: "lab.yaml").roadmap.metrics.first?.check
        }
        #expect(try load("{production-ready: {}}") == .productionReady)
        #expect(try load("{edge-reachable: {from: tunnel, to: edge}}") == .edgeReachable(from: "tunnel", to: "edge"))
        #expect(try load("{loki-logs: {service: store}}") == .lokiLogs(service: "store", label: "container"))
        #expect(try load("{all: [{production-ready: {}}, {healthy: [edge]}]}") == .all([.productionReady, .healthy(["edge"])]))
        #expect(try load("{http: {service: store, path: /x, auth: {secret-headers: {X-Token: TOKEN}}}}") == .http(
            service: "store", path: "/x", expect: .success, auth: Credentials(headers: ["X-Token": "${TOKEN}"])))
        #expect(throws: CatalogError.self) { try load("{http: {service: store, path: /x, auth: {cookie: x}}}") }
        #expect(throws: CatalogError.self) { try load("{all: []}") }
        #expect(throws: CatalogError.self) { try load("{edge-reachable: {from: nowhere, to: edge}}") }
        #expect(throws: CatalogError.self) { try load("{telepathy: {}}") }
    }

    /// Prometheus's /api/v1/targets (https://prometheus.io/docs/prometheus/latest/querying/api/#targets):
    /// the services its config scrapes must be up targets; the others count through an up cAdvisor job.
    @Test func monitoredMeansScrapedWhereConfiguredAndCAdvisorForTheRest() async throws {
        let yaml = """
            name: lab
            services:
              prometheus:
                image: prom/prometheus:v3.16.0
                ports: ["127.0.0.1:9090:9090"]
                configs: [{source: scrape, target: /etc/prometheus/prometheus.yml}]
                x-ailab: {layer: observability, phase: 2}
              app:
                image: example/app:1
                x-ailab: {layer: app, phase: 1}
              db:
                image: example/db:1
                x-ailab: {layer: data, phase: 1}
            configs:
              scrape: {content: "scrape_configs: [{job_name: app, static_configs: [{targets: ['app:9100']}]}]"}
            """
        for (appHealth, cadvisorHealth, met, detail) in [
            ("up", "up", true, "every installed service is an up target (db through cAdvisor's container metrics)"),
            ("up", "down", false, "not scraped: db"),
            ("down", "up", false, "down: app"),
        ] {
            let server = try FakeHTTPServer { _, _ in
                (200, #"{"status":"success","data":{"activeTargets":[{"labels":{"job":"app","instance":"app:9100"},"scrapeUrl":"http://app:9100/metrics","health":"\#(appHealth)"},{"labels":{"job":"cadvisor"},"scrapeUrl":"http://prometheus-cadvisor:8080/metrics","health":"\#(cadvisorHealth)"}],"droppedTargets":[]}}"#)
            }
            defer { server.stop() }
            let containers = [
                Fixtures.container("lab-prometheus-1", service: "prometheus", ports: [PortBinding(ip: "127.0.0.1", privatePort: 9090, publicPort: server.port)]),
                Fixtures.container("lab-app-1", service: "app"), Fixtures.container("lab-db-1", service: "db"),
            ]
            let snapshot = LabSnapshot(catalog: try CatalogLoader.load(yaml: yaml, file: "lab.yaml"), engine: Fixtures.reachable, containers: containers)
            let result = await MetricChecker(snapshot: snapshot).run(.prometheusTargetsUp(service: "prometheus"))
            #expect(result.met == met && result.detail.hasSuffix(detail), "\(result.detail)")
        }
    }
}
