@testable import LabCatalog
@testable import LabExposure
import Testing

/// Where the lab's tunnels point, from their own configuration: the built-in catalog's four,
/// and a locally managed cloudflared's ingress.
@Suite struct TunnelReaderTests {
    @Test func theBuiltInTunnelsPointAtTraefik() throws {
        let catalog = try Catalog.builtIn()
        func paths(_ name: String) throws -> [TunnelPath] { TunnelReader.paths(of: try #require(catalog.service(named: name))) }
        #expect(try paths("bore") == [TunnelPath(tunnel: "bore", target: "traefik:80", publicName: "bore.pub")])
        #expect(try paths("localtunnel") == [TunnelPath(tunnel: "localtunnel", target: "traefik:80", publicName: "loca.lt")])
        // The serve config proxies to Traefik; AllowFunnel is false: the tailnet, not the internet.
        #expect(try paths("tailscale") == [TunnelPath(tunnel: "tailscale", target: "traefik:80", publicName: "tailnet")])
        // Remotely managed: its ingress is in Cloudflare's dashboard, not here.
        #expect(try paths("cloudflared") == [])
        #expect(try paths("qdrant") == [])
    }

    @Test func aLocallyManagedCloudflaredIngressAndAQuickTunnelAreRead() throws {
        var component = Component(name: "cloudflared", image: "cloudflare/cloudflared:2026.8.2")
        component.command = ["tunnel", "run"]
        component.configs = [ConfigFile(name: "cf", target: "/etc/cloudflared/config.yml", content: """
            tunnel: 6ff42ae2
            ingress:
              - hostname: chat.example.com
                service: http://open-webui:8080
              - hostname: n8n.example.com
                service: http://traefik
              - service: http_status:404
            """)]
        let service = LabService(name: "cloudflared", title: "cf", layer: .publicAccess, phase: 1, components: [component])
        #expect(TunnelReader.paths(of: service) == [
            TunnelPath(tunnel: "cloudflared", target: "open-webui:8080", publicName: "chat.example.com"),
            TunnelPath(tunnel: "cloudflared", target: "traefik:80", publicName: "n8n.example.com"),
        ])
        component.command = ["tunnel", "--url", "http://grafana:3000"]
        component.configs = []
        let quick = LabService(name: "cloudflared", title: "cf", layer: .publicAccess, phase: 1, components: [component])
        #expect(TunnelReader.paths(of: quick) == [TunnelPath(tunnel: "cloudflared", target: "grafana:3000", publicName: "trycloudflare.com")])
    }

    @Test func aFunnelMakesTailscaleTheInternet() {
        var component = Component(name: "tailscale", image: "tailscale/tailscale:v1.102.2")
        component.configs = [ConfigFile(name: "serve", target: "/config/serve.json", content: """
            {"TCP": {"443": {"HTTPS": true}}, "Web": {"lab.ts.net:443": {"Handlers": {"/": {"Proxy": "http://open-webui:8080"}}}},
             "AllowFunnel": {"lab.ts.net:443": true}}
            """)]
        let service = LabService(name: "tailscale", title: "ts", layer: .publicAccess, phase: 6, components: [component])
        #expect(TunnelReader.paths(of: service) == [TunnelPath(tunnel: "tailscale", target: "open-webui:8080", publicName: "internet (funnel)")])
    }
}
