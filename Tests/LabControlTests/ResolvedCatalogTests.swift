import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// The built-in catalog's containers as the install would create them with the whole lab
/// installed: every edge's environment and every config file's mount where it belongs,
/// every variable resolved, every secret from the store.
struct ResolvedCatalogTests {
    let catalog = try! Catalog.builtIn()

    /// Create bodies by component name, wired to every service, secrets in a throwaway store.
    func resolved() throws -> (specs: [String: ContainerSpec], configDirectory: String) {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-resolved-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let resolver = VariableResolver(
            catalog: catalog, secrets: SecretStore(stateDirectory: state, environment: ["TUNNEL_TOKEN": "given", "TS_AUTHKEY": "given"]),
            environment: [:])
        let everything = Set(catalog.services.map(\.name))
        var specs: [String: ContainerSpec] = [:]
        for service in catalog.services {
            for component in service.wired(to: everything).components {
                var blueprint = ContainerBlueprint(service: service.name, component: component, project: catalog.name, catalogDirectory: "/")
                blueprint.configDirectory = "/lab-configs"
                specs[component.name] = try blueprint.spec(network: catalog.networkName) { text, context throws(InterpolationError) in
                    try resolver.resolve(text, context: context)
                }
            }
        }
        return (specs, "/lab-configs/\(catalog.name)")
    }

    func env(_ spec: ContainerSpec?) -> [String: String] {
        Dictionary((spec?.env ?? []).map { line in
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }, uniquingKeysWith: { _, last in last })
    }

    @Test func everyVariableResolvesAndEveryEdgeIsInItsContainer() throws {
        let (specs, configs) = try resolved()
        #expect(specs.count == catalog.services.flatMap(\.components).count)
        for (name, spec) in specs {
            for text in spec.env + (spec.cmd ?? []) + (spec.entrypoint ?? []) {
                #expect(!text.contains("${"), "\(name) keeps an unresolved variable: \(text.prefix(60))")
            }
        }
        let webui = env(specs["open-webui"])
        #expect(webui["VECTOR_DB"] == "qdrant")
        #expect(webui["QDRANT_URI"] == "http://qdrant:6333")
        #expect(webui["OPENAI_API_BASE_URL"] == "http://litellm:4000/v1")
        #expect(webui["OPENAI_API_KEY"] == env(specs["litellm"])["LITELLM_MASTER_KEY"])
        #expect(webui["OPENAI_API_KEY"]?.count == 64)
        #expect(webui["OLLAMA_BASE_URL"] == "http://ollama:11434")
        // LiteLLM → Langfuse: the traced config in place of the plain one, the project's keys.
        #expect(specs["litellm"]?.hostConfig.binds.filter { $0.hasSuffix(":/app/config.yaml:ro") } == ["\(configs)/litellm-config-traced:/app/config.yaml:ro"])
        let litellm = env(specs["litellm"])
        let langfuse = env(specs["langfuse"])
        #expect(litellm["LANGFUSE_PUBLIC_KEY"] == langfuse["LANGFUSE_INIT_PROJECT_PUBLIC_KEY"])
        #expect(litellm["LANGFUSE_SECRET_KEY"] == langfuse["LANGFUSE_INIT_PROJECT_SECRET_KEY"])
        #expect(litellm["LANGFUSE_PUBLIC_KEY"]?.hasPrefix("pk-lf-") == true)
        #expect(litellm["LANGFUSE_OTEL_HOST"] == "http://langfuse:3000")
        #expect(specs["prometheus"]?.hostConfig.binds.contains("\(configs)/prometheus-config:/etc/prometheus/prometheus.yml:ro") == true)
        #expect(specs["grafana"]?.hostConfig.binds.contains("\(configs)/grafana-datasources:/etc/grafana/provisioning/datasources/lab.yaml:ro") == true)
    }

    /// One secret, one value, in every container that uses it.
    @Test func sharedCredentialsAreTheSameValueOnBothEnds() throws {
        let (specs, _) = try resolved()
        #expect(env(specs["milvus"])["MINIO_ACCESS_KEY_ID"] == env(specs["milvus-minio"])["MINIO_ROOT_USER"])
        #expect(env(specs["milvus"])["MINIO_SECRET_ACCESS_KEY"] == env(specs["milvus-minio"])["MINIO_ROOT_PASSWORD"])
        #expect(env(specs["langfuse-worker"])["CLICKHOUSE_PASSWORD"] == env(specs["langfuse-clickhouse"])["CLICKHOUSE_PASSWORD"])
        let redisPassword = try #require(env(specs["langfuse-redis"])["REDISCLI_AUTH"])
        #expect(specs["langfuse-redis"]?.cmd?.contains(redisPassword) == true)
        #expect(env(specs["langfuse"])["REDIS_AUTH"] == redisPassword)
        #expect(env(specs["langfuse"])["DATABASE_URL"]?.contains(":\(env(specs["postgres"])["POSTGRES_PASSWORD"] ?? "-")@postgres:5432/") == true)
        // nginx's own variables survive interpolation as nginx's.
        #expect(specs["dify-nginx"]?.entrypoint?.last?.contains("proxy_set_header Host $host;") == true)
    }
}
