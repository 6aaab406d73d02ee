import Foundation
import Testing
@testable import LabCatalog

/// The built-in catalog's wiring: the roadmap's edges as wires, Traefik's routes, the tunnels.
extension UpstreamCatalogTests {
    @Test func tunnelsRunTheirClientsPointedAtTraefik() throws {
        for name in ["bore", "localtunnel"] {
            let client = try component(name)
            #expect(client.command?.contains("traefik") == true, "\(name) does not point at traefik")
            #expect(catalog.service(named: name)?.dependencies == ["traefik"])
            #expect(client.ports.isEmpty, "\(name) is a client: it publishes nothing")
        }
        #expect(catalog.service(named: "cloudflared")?.dependencies == ["traefik"])
    }

    /// The roadmap's edges that need only environment: Open WebUI → Qdrant and → LiteLLM.
    @Test func openWebUIIsWiredToQdrantAndLiteLLMOnceThoseAreInstalled() throws {
        let webui = try #require(catalog.service(named: "open-webui"))
        let webuiEnv = { (installed: Set<String>) in
            Dictionary(uniqueKeysWithValues: webui.wired(to: installed).primary.environment.map { ($0.name, $0.value) })
        }
        #expect(webuiEnv([])["VECTOR_DB"] == nil)
        #expect(webuiEnv([])["OPENAI_API_BASE_URL"] == nil)
        let wired = webuiEnv(["qdrant", "litellm"])
        #expect(wired["VECTOR_DB"] == "qdrant")
        #expect(wired["QDRANT_URI"] == "http://qdrant:6333")
        #expect(wired["OPENAI_API_BASE_URL"] == "http://litellm:4000/v1")
        #expect(wired["OPENAI_API_KEY"] == (try env("litellm", "LITELLM_MASTER_KEY")))
        // The far ends listen where the wires point.
        #expect(try component("qdrant").ports.contains { $0.container == 6333 })
        #expect(try component("litellm").command?.suffix(2) == ["--port", "4000"])
    }

    /// LiteLLM → Langfuse only while Langfuse is installed: never a trace sent anywhere else.
    @Test func liteLLMTracesToLangfuseOnlyWhileItIsInstalled() throws {
        let litellm = try #require(catalog.service(named: "litellm"))
        let alone = litellm.wired(to: []).primary
        #expect(alone.configs.map(\.name) == ["litellm-config"])
        #expect(!alone.configs[0].content.contains("langfuse"))
        #expect(!alone.environment.contains { $0.name.hasPrefix("LANGFUSE") })
        let traced = litellm.wired(to: ["langfuse"]).primary
        #expect(traced.configs.map(\.target) == ["/app/config.yaml"])
        #expect(traced.configs[0].content.contains("callbacks: [\"langfuse_otel\"]"))
        #expect(traced.environment.first { $0.name == "LANGFUSE_OTEL_HOST" }?.value == "http://langfuse:3000")
        #expect(try component("langfuse").ports.contains { $0.container == 3000 })
    }

    /// Traefik → every web app, by a host rule under `localhost`, to a port the app listens on;
    /// what no route claims (a tunnel's public name) goes to Open WebUI, below every named route.
    @Test func everyWebAppHasATraefikRoute() throws {
        var routed: [String: String] = [:]
        for component in components where component.labels["traefik.enable"] == "true" {
            let rules = component.labels.filter { $0.key.hasPrefix("traefik.http.routers.") && $0.key.hasSuffix(".rule") }
            for (key, rule) in rules {
                let router = key.split(separator: ".")[3].description
                guard router != "lab-default" else { continue }
                #expect(rule == "Host(`\(router).localhost`)")
                let port = try #require(Int(component.labels["traefik.http.services.\(router).loadbalancer.server.port"] ?? ""))
                #expect(component.ports.contains { $0.container == port }, "\(component.name): traefik routes to \(port), which it does not listen on")
                routed[router] = component.name
            }
        }
        #expect(Set(routed.keys) == [
            "open-webui", "n8n", "node-red", "langfuse", "grafana", "dify", "flowise", "jupyter", "code-server", "hoppscotch",
        ])
        #expect(routed["dify"] == "dify-nginx")
        let front = try component("open-webui").labels
        #expect(front["traefik.http.routers.lab-default.rule"] == "PathPrefix(`/`)")
        #expect(front["traefik.http.routers.lab-default.priority"] == "1")
        #expect(front["traefik.http.routers.lab-default.service"] == "open-webui")
    }

    /// Cloudflare Tunnel, Tailscale serve, bore and localtunnel all lead to Traefik.
    @Test func everyTunnelLeadsToTraefik() throws {
        for name in ["cloudflared", "tailscale", "bore", "localtunnel"] {
            #expect(catalog.service(named: name)?.dependencies == ["traefik"], "\(name) does not come after traefik")
        }
        let serve = try #require(try component("tailscale").configs.first { $0.target == "/config/serve.json" })
        #expect(try env("tailscale", "TS_SERVE_CONFIG") == serve.target)
        #expect(serve.content.contains("\"Proxy\": \"http://traefik:80\""))
    }
}
