import Foundation
import Testing
@testable import LabCatalog

/// The built-in catalog against what each upstream ships: pinned images, healthchecks that run
/// tools their images have (the catalog's `x-image-tools` table), the component sets and the
/// credentials each component must share, and what is published where.
@Suite struct UpstreamCatalogTests {
    let catalog: Catalog
    /// `x-image-tools`: image reference → (tools, source).
    let imageTools: [String: (tools: Set<String>, source: String)]

    init() throws {
        catalog = try Catalog.builtIn()
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LabCatalog/Resources/lab.yaml").standardizedFileURL
        let root = try CatalogLoader.compose(try String(contentsOf: file, encoding: .utf8), file: file.path)
        var table: [String: (tools: Set<String>, source: String)] = [:]
        guard let node = try root.entries().first(where: { $0.key == "x-image-tools" })?.value else {
            throw CatalogDiagnostic(file: file.path, line: 1, column: 1, path: "", message: "no x-image-tools table")
        }
        for (image, entry) in try node.entries() {
            let fields = Dictionary(try entry.entries().map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            table[image] = (Set(try fields["tools"]?.strings() ?? []), try fields["source"]?.string() ?? "")
        }
        imageTools = table
    }

    var components: [Component] { catalog.services.flatMap(\.components) }
    func component(_ name: String) throws -> Component { try #require(components.first { $0.name == name }) }
    func env(_ component: String, _ name: String) throws -> String? {
        try self.component(component).environment.first { $0.name == name }?.value
    }

    @Test func everyImageIsPinnedToAVersion() {
        let floating: Set<String> = ["latest", "main", "stable", "main-stable", "master", "edge", "nightly", "dev", "beta"]
        for component in components {
            let afterSlash = component.image.split(separator: "/").last.map(String.init) ?? ""
            let tag = afterSlash.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
            #expect(tag != nil, "\(component.name): \(component.image) has no tag")
            guard let tag else { continue }
            #expect(!floating.contains(tag), "\(component.name): \(component.image) floats")
            #expect(tag.contains { $0.isNumber }, "\(component.name): \(component.image) names no version")
        }
    }

    @Test func everyImageHasAToolsEntryWithItsSourceAndNoneIsStale() {
        let images = Set(components.map(\.image))
        for image in images.sorted() {
            #expect(imageTools[image] != nil, "x-image-tools has no entry for \(image)")
            #expect(imageTools[image]?.source.isEmpty == false, "x-image-tools: \(image) cites no source")
        }
        #expect(Set(imageTools.keys).subtracting(images).sorted() == [], "x-image-tools lists images no service uses")
    }

    @Test func everyHealthcheckRunsOnlyToolsItsImageShips() throws {
        var checked = 0
        for component in components {
            guard let test = component.healthcheck?.test else { continue }
            let tools = imageTools[component.image]?.tools ?? []
            for program in Self.programs(of: test) {
                #expect(tools.contains(program), "\(component.name): its healthcheck runs '\(program)', which \(component.image) does not ship (x-image-tools: \(tools.sorted()))")
            }
            checked += 1
        }
        #expect(checked >= 25)
    }

    /// Healthchecks go to the engine as written: a `$` would be the shell's, not a secret.
    @Test func noHealthcheckDependsOnInterpolation() {
        for component in components {
            for word in component.healthcheck?.test ?? [] {
                #expect(!word.contains("$"), "\(component.name): healthcheck '\(word)' needs a variable")
            }
        }
    }

    /// The programs a healthcheck runs: CMD's first word, or each pipeline stage of CMD-SHELL (plus sh).
    static func programs(of test: [String]) -> [String] {
        guard test.count > 1 else { return [] }
        if test[0] == "CMD" { return [test[1]] }
        let builtins: Set<String> = ["exit", "true", "false", "test", "[", "!"]
        var programs = ["sh"]
        let stages = test[1].replacingOccurrences(of: "&&", with: "|").replacingOccurrences(of: "||", with: "|")
            .replacingOccurrences(of: ";", with: "|").split(separator: "|")
        for stage in stages {
            if let word = stage.split(separator: " ").first.map(String.init), !builtins.contains(word) { programs.append(word) }
        }
        return programs
    }

    @Test func multiContainerServicesRunUpstreamsComponentSets() throws {
        #expect(try #require(catalog.service(named: "langfuse")).components.map(\.name)
            == ["langfuse", "langfuse-worker", "langfuse-clickhouse", "langfuse-redis", "langfuse-minio"])
        #expect(catalog.service(named: "langfuse")?.dependencies == ["postgres"])
        #expect(Set(try #require(catalog.service(named: "dify")).components.map(\.name)) == [
            "dify", "dify-api", "dify-worker", "dify-worker-beat", "dify-sandbox", "dify-plugin-daemon",
            "dify-ssrf-proxy", "dify-nginx", "dify-redis", "dify-db",
        ])
        #expect(try env("dify-api", "MIGRATION_ENABLED") == "true")
        #expect(try env("dify-worker-beat", "MODE") == "beat")
        let storage = { (name: String) throws -> [String] in try self.component(name).volumes.filter { $0.target == "/app/api/storage" }.map(\.source) }
        #expect(try storage("dify-api") == ["dify-storage"])
        #expect(try storage("dify-worker") == ["dify-storage"])
        #expect(try #require(catalog.service(named: "milvus")).components.map(\.name) == ["milvus", "milvus-etcd", "milvus-minio"])
    }

    /// One credential, the same variable on both ends: the client is told what the server was given.
    @Test func credentialsReachEveryComponentThatNeedsThem() throws {
        #expect(try env("milvus", "MINIO_ACCESS_KEY_ID") == env("milvus-minio", "MINIO_ROOT_USER"))
        #expect(try env("milvus", "MINIO_SECRET_ACCESS_KEY") == env("milvus-minio", "MINIO_ROOT_PASSWORD"))
        for client in ["langfuse", "langfuse-worker"] {
            #expect(try env(client, "CLICKHOUSE_PASSWORD") == env("langfuse-clickhouse", "CLICKHOUSE_PASSWORD"))
            #expect(try env(client, "CLICKHOUSE_USER") == env("langfuse-clickhouse", "CLICKHOUSE_USER"))
            #expect(try env(client, "REDIS_AUTH") == env("langfuse-redis", "REDISCLI_AUTH"))
            #expect(try env(client, "LANGFUSE_S3_EVENT_UPLOAD_ACCESS_KEY_ID") == env("langfuse-minio", "MINIO_ROOT_USER"))
            #expect(try env(client, "LANGFUSE_S3_EVENT_UPLOAD_SECRET_ACCESS_KEY") == env("langfuse-minio", "MINIO_ROOT_PASSWORD"))
        }
        for redis in ["langfuse-redis", "dify-redis"] {
            let password = try #require(try env(redis, "REDISCLI_AUTH"))
            #expect(try component(redis).command?.contains(password) == true, "\(redis): redis-cli authenticates with another password")
        }
        #expect(try env("dify-api", "CODE_EXECUTION_API_KEY") == env("dify-sandbox", "API_KEY"))
        #expect(try env("dify-api", "PLUGIN_DAEMON_KEY") == env("dify-plugin-daemon", "SERVER_KEY"))
        #expect(try env("dify-api", "DB_PASSWORD") == env("dify-db", "POSTGRES_PASSWORD"))
    }

    /// The lab's Langfuse project and its API keys exist from the first start (headless init).
    @Test func langfuseStartsWithTheLabsProjectAndKeysFromTheSecretStore() throws {
        #expect(try env("langfuse", "LANGFUSE_INIT_PROJECT_ID") == "ailab")
        #expect(try env("langfuse", "LANGFUSE_INIT_PROJECT_PUBLIC_KEY") == "pk-lf-${LANGFUSE_PUBLIC_KEY}")
        #expect(try env("langfuse", "LANGFUSE_INIT_PROJECT_SECRET_KEY") == "sk-lf-${LANGFUSE_SECRET_KEY}")
        #expect(try env("langfuse-worker", "LANGFUSE_INIT_PROJECT_ID") == nil, "upstream gives the init variables to the web only")
        #expect(try env("langfuse", "HOSTNAME") == "0.0.0.0")
        #expect(try env("langfuse-worker", "HOSTNAME") == "0.0.0.0")
    }

    /// A `${NAME}` that is no declared secret would be read from ailab's own environment: empty.
    @Test func everyVariableTheCatalogUsesIsADeclaredSecret() throws {
        let declared = Set(components.flatMap { $0.environment.filter(\.isSecret).map(\.name) })
        let pattern = try Regex(#"\$\{([A-Za-z_][A-Za-z0-9_]*)"#)
        for component in components {
            let texts = component.environment.compactMap(\.value) + (component.command ?? []) + (component.entrypoint ?? [])
                + component.wires.flatMap { $0.environment.compactMap(\.value) }
            // `$$` is a literal dollar (nginx's $$host), never a variable
            for text in texts.map({ $0.replacingOccurrences(of: "$$", with: "") }) {
                for match in text.matches(of: pattern) {
                    let name = String(text[match.output[1].range!])
                    #expect(declared.contains(name), "\(component.name) uses ${\(name)}, which no service declares as a secret")
                }
            }
        }
    }

    @Test func dataStoresAndModelAPIsListenOnLoopbackOnly() throws {
        for service in catalog.services where [.data, .gateway].contains(service.layer) || service.name == "prometheus" || service.name == "loki" {
            for port in service.ports where port.host != nil {
                #expect(port.hostIP == "127.0.0.1", "\(service.name) publishes \(port.host!) on every interface")
            }
        }
        let traefik = try component("traefik")
        #expect(traefik.ports.first { $0.container == 8080 }?.hostIP == "127.0.0.1")
        #expect(!(traefik.command ?? []).contains { $0.hasPrefix("--api.insecure") })
    }

    @Test func startPeriodsAreUpstreams() throws {
        #expect(try component("milvus").healthcheck?.startPeriod == 90)
        #expect(try component("dify-api").healthcheck?.startPeriod == 30)
        #expect(try component("flowise").healthcheck?.startPeriod == 30)
        #expect(try component("langfuse-clickhouse").healthcheck?.startPeriod == 1)
    }
}
