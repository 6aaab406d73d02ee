import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabRoadmap
import TestSupport
import Testing

/// Each success-metric check against a fake server answering as the service's API does (shapes
/// from the upstream docs cited beside each check in MetricChecker+Lab.swift and lab.yaml):
/// met, empty results, wrong credentials, and a secret missing from the store.
@Suite struct MetricAPICheckTests {
    /// One service published on `port` inside, reached on the fake server's port, and one metric.
    static func checker(
        _ service: String, port: Int, server: FakeHTTPServer, check: String, secrets: [String: String] = [:], declared: [String] = []
    ) throws -> MetricChecker {
        let env = declared.map { "\($0): \"${\($0)}\"" }.joined(separator: ", ")
        let yaml = """
            name: lab
            services:
              \(service):
                image: example/\(service):1
                ports: ["127.0.0.1:\(port):\(port)"]
                environment: {\(env)}
                x-ailab: {layer: data, phase: 1, secrets: [\(declared.joined(separator: ", "))]}
            x-ailab:
              roadmap:
                metrics:
                  - {id: g, title: G, phases: [1], items: [{id: m, text: T, check: \(check)}]}
            """
        let catalog = try CatalogLoader.load(yaml: yaml, file: "metric.yaml")
        let container = Fixtures.container(
            "lab-\(service)-1", service: service, image: "example/\(service):1",
            ports: [PortBinding(ip: "127.0.0.1", privatePort: port, publicPort: server.port)])
        var checker = MetricChecker(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [container]))
        checker.secrets = { secrets[$0] }
        checker.now = Date(timeIntervalSince1970: 1_800_000_000)
        return checker
    }

    static func run(_ checker: MetricChecker) async throws -> (met: Bool, detail: String) {
        await checker.run(try #require(checker.snapshot.catalog.roadmap.metrics.first?.check))
    }

    // MARK: RAG working with Qdrant

    static func qdrant(_ collections: [String: Int]) throws -> FakeHTTPServer {
        try FakeHTTPServer { path, headers in
            guard headers["api-key"] == "right" else { return (401, #"{"status":{"error":"Must provide an API key or an Authorization bearer token"}}"#) }
            if path == "/collections" {
                let names = collections.keys.sorted().map { #"{"name":"\#($0)"}"# }.joined(separator: ",")
                return (200, #"{"result":{"collections":[\#(names)]},"status":"ok","time":0.00001}"#)
            }
            let name = String(path.dropFirst("/collections/".count))
            guard let points = collections[name] else { return (404, #"{"status":{"error":"Not found"}}"#) }
            return (200, #"{"result":{"status":"green","optimizer_status":"ok","points_count":\#(points),"segments_count":2,"config":{}},"status":"ok","time":0.0001}"#)
        }
    }

    static let qdrantCheck = #"{qdrant-points: {service: qdrant, prefix: open-webui, auth: {headers: {api-key: "${QDRANT_API_KEY}"}}}}"#

    @Test func ragCountsThePointsInOpenWebUIsCollectionsOnly() async throws {
        let server = try Self.qdrant(["open-webui_knowledge": 12, "open-webui_file-1": 3, "dify_docs": 900])
        defer { server.stop() }
        let checker = try Self.checker("qdrant", port: 6333, server: server, check: Self.qdrantCheck, secrets: ["QDRANT_API_KEY": "right"], declared: ["QDRANT_API_KEY"])
        let result = try await Self.run(checker)
        #expect(result.met)
        #expect(result.detail == "qdrant: 2 open-webui collections holding 15 points")
    }

    @Test func ragIsUnmetWithEmptyCollectionsOrNone() async throws {
        for (collections, detail) in [
            (["open-webui_knowledge": 0], "qdrant: 1 open-webui collection holding 0 points"),
            (["dify_docs": 10], "qdrant: no collection named open-webui… (nothing indexed yet)"),
        ] {
            let server = try Self.qdrant(collections)
            defer { server.stop() }
            let checker = try Self.checker("qdrant", port: 6333, server: server, check: Self.qdrantCheck, secrets: ["QDRANT_API_KEY": "right"], declared: ["QDRANT_API_KEY"])
            let result = try await Self.run(checker)
            #expect(!result.met && result.detail == detail)
        }
    }

    @Test func wrongOrMissingCredentialsSayWhichWithoutTheValue() async throws {
        let server = try Self.qdrant(["open-webui_knowledge": 5])
        defer { server.stop() }
        let wrong = try await Self.run(try Self.checker("qdrant", port: 6333, server: server, check: Self.qdrantCheck, secrets: ["QDRANT_API_KEY": "wrong-key"], declared: ["QDRANT_API_KEY"]))
        #expect(!wrong.met && wrong.detail.hasSuffix("GET /collections answered 401: the credentials were refused"))
        #expect(!wrong.detail.contains("wrong-key"))
        let missing = try await Self.run(try Self.checker("qdrant", port: 6333, server: server, check: Self.qdrantCheck, declared: ["QDRANT_API_KEY"]))
        #expect(!missing.met && missing.detail.hasPrefix("qdrant: QDRANT_API_KEY not in the secret store"))
        #expect(server.requests.count == 1, "no request goes out without its credentials")
    }

    // MARK: LiteLLM routing to 3+ providers

    /// GET /model/info, as LiteLLM's proxy answers it with the master key.
    static func litellm(_ providers: [String]) throws -> FakeHTTPServer {
        try FakeHTTPServer { path, headers in
            guard headers["authorization"] == "Bearer sk-master" else {
                return (401, #"{"error":{"message":"Authentication Error, Invalid proxy server token passed.","type":"auth_error","param":"None","code":"401"}}"#)
            }
            guard path == "/model/info" else { return (404, "{}") }
            let models = providers.enumerated().map { index, provider in
                #"{"model_name":"m\#(index)","litellm_params":{"model":"\#(provider)/m\#(index)"},"model_info":{"id":"\#(index)","litellm_provider":"\#(provider)","mode":"chat"}}"#
            }
            return (200, #"{"data":[\#(models.joined(separator: ","))]}"#)
        }
    }

    static let litellmCheck = #"{json: {service: litellm, path: /model/info, pointer: /data, distinct-at-least: 3, field: /model_info/litellm_provider, auth: {bearer: "${LITELLM_MASTER_KEY}"}}}"#

    @Test func litellmCountsDistinctProvidersNotModels() async throws {
        for (providers, met, detail) in [
            (["ollama", "openai", "anthropic", "ollama"], true, "litellm :4000: 3 distinct /model_info/litellm_provider (anthropic, ollama, openai); needs 3 or more"),
            (["ollama", "ollama", "ollama", "ollama"], false, "litellm :4000: 1 distinct /model_info/litellm_provider (ollama); needs 3 or more"),
            ([], false, "litellm :4000: 0 distinct /model_info/litellm_provider; needs 3 or more"),
        ] {
            let server = try Self.litellm(providers)
            defer { server.stop() }
            let checker = try Self.checker("litellm", port: 4000, server: server, check: Self.litellmCheck, secrets: ["LITELLM_MASTER_KEY": "sk-master"], declared: ["LITELLM_MASTER_KEY"])
            let result = try await Self.run(checker)
            #expect(result.met == met)
            #expect(result.detail.hasSuffix(detail.dropFirst("litellm :4000: ".count)), "\(result.detail)")
        }
    }

    @Test func litellmWithTheWrongKeyIsRefusedNotCounted() async throws {
        let server = try Self.litellm(["ollama", "openai", "anthropic"])
        defer { server.stop() }
        let result = try await Self.run(try Self.checker("litellm", port: 4000, server: server, check: Self.litellmCheck, secrets: ["LITELLM_MASTER_KEY": "sk-stale"], declared: ["LITELLM_MASTER_KEY"]))
        #expect(!result.met && result.detail.hasSuffix("GET /model/info answered 401: the credentials were refused"))
        #expect(!result.detail.contains("sk-stale"))
    }

    // MARK: Langfuse tracking all AI calls

    @Test func langfuseCountsTracesOfTheLast24HoursWithTheProjectsKeys() async throws {
        let expectedAuth = "Basic " + Data("pk-lf-pub:sk-lf-sec".utf8).base64EncodedString()
        for (total, met) in [(7, true), (0, false)] {
            let server = try FakeHTTPServer { path, headers in
                guard headers["authorization"] == expectedAuth else { return (401, #"{"message":"Invalid credentials"}"#) }
                return (200, #"{"data":[],"meta":{"page":1,"limit":1,"totalItems":\#(total),"totalPages":\#(total)}}"#)
            }
            defer { server.stop() }
            let check = #"{json: {service: langfuse, path: "/api/public/traces?limit=1&fromTimestamp={now-24h}", pointer: /meta/totalItems, at-least: 1, auth: {basic: {user: "pk-lf-${LANGFUSE_PUBLIC_KEY}", password: "sk-lf-${LANGFUSE_SECRET_KEY}"}}}}"#
            let checker = try Self.checker(
                "langfuse", port: 3001, server: server, check: check, secrets: ["LANGFUSE_PUBLIC_KEY": "pub", "LANGFUSE_SECRET_KEY": "sec"],
                declared: ["LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY"])
            let result = try await Self.run(checker)
            #expect(result.met == met, "\(result.detail)")
            #expect(server.requests.first?.path == "/api/public/traces?limit=1&fromTimestamp=2027-01-14T08:00:00Z")
        }
        let refusing = try FakeHTTPServer { _, _ in (401, #"{"message":"Invalid credentials"}"#) }
        defer { refusing.stop() }
        let check = #"{json: {service: langfuse, path: /api/public/traces, pointer: /meta/totalItems, at-least: 1, auth: {basic: {user: "pk-lf-${LANGFUSE_PUBLIC_KEY}", password: "x"}}}}"#
        let refused = try await Self.run(try Self.checker("langfuse", port: 3001, server: refusing, check: check, secrets: ["LANGFUSE_PUBLIC_KEY": "pub"], declared: ["LANGFUSE_PUBLIC_KEY"]))
        #expect(!refused.met && refused.detail.hasSuffix("answered 401: the credentials were refused"))
    }
}
