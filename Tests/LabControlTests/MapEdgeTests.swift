import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabReport
import TestSupport
import Testing

/// The integration map: which edges the catalog holds, and each edge's state decided from the
/// snapshot's inspected containers alone.
@Suite struct MapEdgeTests {
    static let yaml = """
        name: lab
        services:
          proxy:
            image: traefik:v3.7.10
            x-ailab: {layer: public, phase: 0}
          tunnel:
            image: example/tunnel:1
            command: ["local", "80", "--local-host", "proxy"]
            x-ailab: {layer: public, phase: 1}
          chat:
            image: example/chat:1
            environment: {MODELS: "http://models:11434", HOMEPAGE: "https://models.example.com/docs"}
            labels: {traefik.enable: "true", traefik.http.routers.chat.rule: "Host(`chat.localhost`)"}
            x-ailab:
              layer: app
              phase: 0
              secrets: [STORE_SECRET]
              wires: [{to: vectors, environment: {STORE: "http://vectors:6333", STORE_KEY: "k-${STORE_SECRET}"}}]
          models:
            image: example/models:1
            x-ailab: {layer: gateway, phase: 0}
          vectors:
            image: example/vectors:1
            environment: {DB_USER: models}
            x-ailab: {layer: data, phase: 1}
          metrics:
            image: example/metrics:1
            configs: [{source: scrape, target: /etc/scrape.yml}]
            depends_on: [models]
            x-ailab: {layer: observability, phase: 2}
        configs:
          scrape: {content: "targets: ['vectors:6333']  # see https://models.io/docs"}
        """

    static func catalog() throws -> Catalog { try CatalogLoader.load(yaml: yaml, file: "map.yaml") }

    /// A running, inspected container of `service` carrying `env`, `mounts` and `arguments`.
    static func container(_ service: String, state: String = "running", env: [String] = [], mounts: [String] = [], arguments: [String] = [], labels: [String: String] = [:], inspected: Bool = true) -> ContainerStatus {
        var container = Fixtures.container("lab-\(service)-1", service: service, image: "example/\(service):1", state: state, status: state == "running" ? "Up 1 minute" : "Exited (1) 1 minute ago")
        container.environment = env
        container.mounts = mounts
        container.arguments = arguments
        container.labels.merge(labels) { $1 }
        container.inspected = inspected
        return container
    }

    static func judged(_ containers: [ContainerStatus], reachable: Bool = true) throws -> [String: EdgeStatus] {
        let engine = reachable ? Fixtures.reachable : EngineInfo(endpoint: "unix:///test.sock", reachable: false)
        let snapshot = LabSnapshot(catalog: try catalog(), engine: engine, containers: containers)
        return Dictionary(uniqueKeysWithValues: EdgeJudge.judge(snapshot).map { ("\($0.edge.from)→\($0.edge.to)", $0) })
    }

    @Test func edgesAreFoundWhereAComponentNamesAnotherServiceAsAHost() throws {
        let edges = EdgeFinder.edges(try Self.catalog())
        #expect(edges.map { "\($0.from)→\($0.to)" } == ["proxy→chat", "tunnel→proxy", "chat→models", "chat→vectors", "metrics→models", "metrics→vectors"])
        let chat = try #require(edges.first { $0.from == "chat" && $0.to == "models" })
        // HOMEPAGE's `models.example.com` is a web address, not the models container.
        #expect(chat.evidence.map(\.label) == ["env MODELS"])
        let wire = try #require(edges.first { $0.to == "vectors" && $0.from == "chat" })
        #expect(wire.isWire && wire.evidence.map(\.label) == ["env STORE", "env STORE_KEY"])
        // vectors' DB_USER `models` is a user name, not a host: no vectors→models edge.
        #expect(!edges.contains { $0.from == "vectors" })
        #expect(edges.first { $0.from == "proxy" }?.holder == "chat")
        #expect(edges.first { $0.to == "models" && $0.from == "metrics" }?.evidence.map(\.kind) == [.dependsOn])
    }

    @Test func hostReferencesNeedAPortOrTheWholeArgument() {
        #expect(EdgeFinder.refers("http://qdrant:6333", to: ["qdrant"], whole: false))
        #expect(EdgeFinder.refers("postgresql://u:p@postgres:5432/db", to: ["postgres"], whole: false))
        #expect(!EdgeFinder.refers("https://grafana.com/docs/loki/latest", to: ["grafana", "loki"], whole: false))
        #expect(!EdgeFinder.refers("http://my-qdrant:6333", to: ["qdrant"], whole: false))
        #expect(!EdgeFinder.refers("qdrant", to: ["qdrant"], whole: false))
        #expect(EdgeFinder.refers("qdrant", to: ["qdrant"]))
        #expect(!EdgeFinder.refers("qdrant:", to: ["qdrant"], whole: false))
    }

    @Test func templatesMatchTheirInterpolatedValuesWithoutKnowingTheSecret() {
        #expect(EdgeEvidenceMatch.matches("k-abc123", template: "k-${STORE_SECRET}"))
        #expect(!EdgeEvidenceMatch.matches("abc123", template: "k-${STORE_SECRET}"))
        #expect(EdgeEvidenceMatch.matches("http://u:s3cret@db:5432/x", template: "http://u:${PW}@db:5432/x"))
        #expect(!EdgeEvidenceMatch.matches("http://u:s3cret@db:5433/x", template: "http://u:${PW}@db:5432/x"))
        #expect(EdgeEvidenceMatch.matches("a$b", template: "a$$b"))
        #expect(!EdgeEvidenceMatch.matches("http://vectors:6334", template: "http://vectors:6333"))
    }

    @Test func anEdgeWithAnEndNotInstalledDoesNotApply() throws {
        let states = try Self.judged([Self.container("chat", env: ["MODELS=http://models:11434"])])
        #expect(states["chat→models"]?.state == .notApplicable)
        #expect(states["chat→models"]?.reason == "models is not installed")
        #expect(states["metrics→vectors"]?.reason == "metrics and vectors are not installed")
    }

    @Test func wiredAndUpIsReachableAndAMissingSettingIsBrokenByName() throws {
        let states = try Self.judged([
            Self.container("chat", env: ["MODELS=http://models:11434", "STORE=http://vectors:6333"], labels: ["traefik.http.routers.chat.rule": "Host(`chat.localhost`)"]),
            Self.container("models"), Self.container("vectors"), Self.container("proxy"),
        ])
        #expect(states["chat→models"]?.state == .reachable && states["chat→models"]?.reason == nil)
        #expect(states["proxy→chat"]?.state == .reachable)
        let store = try #require(states["chat→vectors"])
        #expect(store.state == .broken)
        #expect(store.missing == ["env STORE_KEY"])
        #expect(store.reason == "missing env STORE_KEY: recreate chat to wire it")
    }

    @Test func aWrongValueOrAStaleConfigFileIsBroken() throws {
        let states = try Self.judged([
            Self.container("chat", env: ["MODELS=http://elsewhere:11434"]), Self.container("models"), Self.container("vectors"),
            Self.container("metrics", mounts: ["/state/configs/lab/other:/etc/scrape.yml"]),
        ])
        #expect(states["chat→models"]?.missing == ["env MODELS"])
        #expect(states["metrics→vectors"]?.missing == ["config /etc/scrape.yml"])
        let fixed = try Self.judged([Self.container("vectors"), Self.container("metrics", mounts: ["/state/configs/lab/scrape:/etc/scrape.yml"])])
        #expect(fixed["metrics→vectors"]?.state == .reachable)
    }

    @Test func theFarEndsConditionDecidesBetweenReachableWiredAndBroken() throws {
        let wired = ["MODELS=http://models:11434"]
        let crashed = try Self.judged([Self.container("chat", env: wired), Self.container("models", state: "exited")])
        #expect(crashed["chat→models"]?.state == .broken)
        #expect(crashed["chat→models"]?.reason == "models is crashed")
        var starting = Self.container("models")
        starting.health = .starting
        let waiting = try Self.judged([Self.container("chat", env: wired), starting])
        #expect(waiting["chat→models"]?.state == .wired)
        #expect(waiting["chat→models"]?.reason == "models is starting")
        let tunnel = try Self.judged([Self.container("tunnel", arguments: ["local", "80", "--local-host", "proxy"]), Self.container("proxy")])
        #expect(tunnel["tunnel→proxy"]?.state == .reachable)
    }

    @Test func uninspectedContainersAndAnUnreachableEngineAreUnknown() throws {
        let early = try Self.judged([Self.container("chat", inspected: false), Self.container("models")])
        #expect(early["chat→models"]?.state == .unknown)
        #expect(early["chat→models"]?.reason == "lab-chat-1 not inspected yet")
        let down = try Self.judged([], reachable: false)
        #expect(down.values.allSatisfy { $0.state == .unknown })
    }

    @Test func theJSONNamesEvidenceAndNeverItsValues() throws {
        let snapshot = LabSnapshot(catalog: try Self.catalog(), engine: Fixtures.reachable, containers: [
            Self.container("chat", env: ["STORE=http://vectors:6333", "STORE_KEY=k-topsecret"]), Self.container("vectors"),
        ])
        let json = MapReport(snapshot, edges: EdgeJudge.judge(snapshot)).json()
        #expect(!json.contains("topsecret") && !json.contains("${STORE_SECRET}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let edges = try #require(object["edges"] as? [[String: Any]])
        let wire = try #require(edges.first { $0["from"] as? String == "chat" && $0["to"] as? String == "vectors" })
        #expect(wire["state"] as? String == "reachable")
        #expect(wire["wire"] as? Bool == true)
        #expect(wire["evidence"] as? [String] == ["env STORE", "env STORE_KEY"])
        #expect(wire["fromLayer"] as? String == "app" && wire["toLayer"] as? String == "data")
        #expect((object["summary"] as? [String: Int])?["not-applicable"] == 5)
    }

    /// The roadmap's map, as the built-in catalog carries it.
    @Test func theBuiltInCatalogCarriesTheRoadmapsEdges() throws {
        let edges = Set(EdgeFinder.edges(try Catalog.builtIn()).map { "\($0.from)→\($0.to)" })
        let roadmap = [
            "cloudflared→traefik", "tailscale→traefik", "bore→traefik", "localtunnel→traefik",
            "traefik→open-webui", "traefik→n8n", "traefik→grafana", "traefik→dify", "traefik→langfuse",
            "open-webui→ollama", "open-webui→qdrant", "open-webui→litellm", "litellm→ollama", "litellm→langfuse",
            "dify→qdrant", "grafana→prometheus", "grafana→loki", "prometheus→traefik", "prometheus→qdrant",
        ]
        #expect(roadmap.filter { !edges.contains($0) } == [])
        #expect(!edges.contains("dify→postgres"), "Dify's DB_USERNAME=postgres is a user, not the lab's Postgres")
    }

    /// `ailab map`'s exit status: 2 with the engine away (the map still printed, every edge
    /// unknown), 3 for a catalog that cannot be read, before any engine is asked.
    @Test func theCommandExitsTwoUnreachableAndThreeOnABadCatalog() throws {
        let away = try AilabBinary.run(["map", "--json", "--host", "unix:///nonexistent/ailab-map.sock"])
        #expect(away.status == 2, "\(away.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(away.stdout.utf8)) as? [String: Any])
        #expect((object["edges"] as? [[String: Any]])?.allSatisfy { $0["state"] as? String == "unknown" } == true)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("map-bad-\(UUID().uuidString).yaml").path
        try "services:\n  web: [not, a, service\n".write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let broken = try AilabBinary.run(["map", "--catalog", bad, "--host", "unix:///nonexistent/ailab-map.sock"])
        #expect(broken.status == 3, "\(broken.stderr)")
        #expect(broken.stderr.contains(bad))
    }
}
