import Testing
@testable import LabCatalog

@Suite struct BuiltInCatalogTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.builtIn() }

    static let phases: [String: Int] = [
        "open-webui": 0, "n8n": 0, "node-red": 0, "ollama": 0, "traefik": 0, "postgres": 0,
        "qdrant": 1, "chroma": 1, "cloudflared": 1,
        "langfuse": 2, "grafana": 2, "prometheus": 2, "loki": 2,
        "dify": 3, "litellm": 3, "flowise": 3,
        "jupyter": 4, "code-server": 4, "hoppscotch": 4,
        "milvus": 5, "weaviate": 5, "vault": 5,
        "tailscale": 6, "bore": 6, "localtunnel": 6,
    ]

    @Test func holdsExactlyTheTwentyFiveServicesInTheirPhases() {
        #expect(catalog.services.count == 25)
        #expect(Dictionary(uniqueKeysWithValues: catalog.services.map { ($0.name, $0.phase ?? -1) }) == Self.phases)
        #expect(catalog.name == "ailab")
    }

    @Test func loadsWithoutWarnings() {
        #expect(catalog.warnings.map(\.description) == [])
    }

    @Test func everyServiceHasALayerAnImageAndATitle() {
        for service in catalog.services {
            #expect(service.layer != nil, "\(service.name) has no layer")
            #expect(service.components.allSatisfy { !$0.image.isEmpty }, "\(service.name) lacks an image")
            #expect(!service.title.isEmpty)
        }
        #expect(catalog.service(named: "qdrant")?.layer == .data)
        #expect(catalog.service(named: "litellm")?.layer == .gateway)
        #expect(catalog.service(named: "traefik")?.layer == .publicAccess)
        #expect(catalog.service(named: "grafana")?.layer == .observability)
        #expect(catalog.service(named: "dify")?.layer == .app)
    }

    @Test func theHostPort3000ClashIsResolved() {
        var holders: [Int: [String]] = [:]
        for service in catalog.services {
            for port in Set(service.ports.compactMap(\.host)) { holders[port, default: []].append(service.name) }
        }
        #expect(holders.filter { $0.value.count > 1 }.isEmpty)
        #expect(holders[3000] == ["open-webui"])
        #expect(catalog.service(named: "dify")?.ports.compactMap(\.host).contains(3004) == true)
    }

    @Test func multiContainerServicesAreOneServiceEach() throws {
        let dify = try #require(catalog.service(named: "dify"))
        #expect(dify.components.map(\.name).starts(with: ["dify", "dify-api"]))
        #expect(dify.components.count >= 7)
        #expect(dify.dependencies == ["qdrant"])
        let milvus = try #require(catalog.service(named: "milvus"))
        #expect(milvus.components.map(\.name) == ["milvus", "milvus-etcd", "milvus-minio"])
        #expect(catalog.service(ofComponent: "dify-worker")?.name == "dify")
        // The merge key copied dify-api's environment into the worker, with MODE overridden.
        let worker = try #require(dify.components.first { $0.name == "dify-worker" })
        #expect(worker.environment.first { $0.name == "MODE" }?.value == "worker")
        #expect(worker.environment.contains { $0.name == "QDRANT_URL" })
    }

    @Test func secretsAreMarkedAndProbesAvoidTheLyingEndpoints() throws {
        #expect(catalog.service(named: "postgres")?.secretNames == ["POSTGRES_PASSWORD"])
        let tunnel = try #require(catalog.service(named: "cloudflared")?.primary.environment.first { $0.name == "TUNNEL_TOKEN" })
        #expect(tunnel.secret?.provided == true)
        #expect(catalog.service(named: "prometheus")?.probe?.path == "/-/ready")
        #expect(catalog.service(named: "litellm")?.probe?.path == "/health/liveliness")
        #expect(catalog.service(named: "qdrant")?.probe == Probe(path: "/readyz", port: 6333, expect: StatusSet([200...200])))
        #expect(catalog.service(named: "vault")?.probe?.expect.accepts(429) == true)
        #expect(catalog.service(named: "vault")?.probe?.expect.accepts(501) == false)
    }

    @Test func carriesTheRoadmap() throws {
        let roadmap = catalog.roadmap
        #expect(roadmap.phases.map(\.number) == [0, 1, 2, 3, 4, 5, 6])
        #expect(roadmap.phase(6)?.items.map(\.service).contains("cloudflared") == true)
        #expect(roadmap.metricGroups.map(\.phases) == [[1, 2], [3, 4], [5, 6]])
        // The roadmap's success metrics, titles as the user wrote them, in order; those a
        // service's API cannot prove are marked by hand.
        #expect(roadmap.metrics.map(\.text) == [
            "RAG working with Qdrant", "Services accessible via Cloudflare Tunnel", "Langfuse tracking all AI calls",
            "Grafana dashboards showing metrics", "3+ AI apps built with Dify", "LiteLLM routing to 3+ providers",
            "Jupyter notebooks for experimentation", "All services monitored and logged", "Multi-tenant RAG with Milvus",
            "Secrets managed in Vault", "Production-ready deployment", "Complete documentation",
        ])
        #expect(roadmap.metrics.filter { $0.check == nil }.map(\.id) == ["dify-apps", "milvus-multitenant", "documentation"])
        #expect(roadmap.metrics.first { $0.id == "litellm-providers" }?.check == .json(
            service: "litellm", path: "/model/info", pointer: "/data", bound: .distinctAtLeast(3, field: "/model_info/litellm_provider"),
            auth: Credentials(headers: ["Authorization": "Bearer ${LITELLM_MASTER_KEY}"])))
        #expect(roadmap.metrics.first { $0.id == "rag-qdrant" }?.check == .qdrantPoints(service: "qdrant", prefix: "open-webui"))
        #expect(Set(Priority.allCases) == Set(roadmap.priorities.keys))
        #expect(roadmap.learningPath.first?.service == "qdrant")
        let everyPhased = Set(catalog.services.filter { ($0.phase ?? 0) > 0 }.map(\.name))
        #expect(Set(roadmap.phases.flatMap { $0.items.map(\.service) }).isSuperset(of: everyPhased))
    }
}
