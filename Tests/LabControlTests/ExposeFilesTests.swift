import Foundation
@testable import LabCatalog
@testable import LabControl
@testable import LabExposure
import Testing

/// The pieces `ailab expose` writes with, and `ExposureJudge` reads back. No engine.
@Suite struct ExposeFilesTests {
    @Test func sha1AndTheHtpasswdLineMatchKnownValues() {
        // FIPS 180-2 appendix A test vectors; the htpasswd line as `htpasswd -nbs` prints it.
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(Htpasswd.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(Htpasswd.sha1(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(Htpasswd.sha1([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Htpasswd.line(user: "ailab", password: "password") == "ailab:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=")
    }

    @Test func theIngressRuleGoesBeforeTheCatchAllAndComesOutLeavingEveryByte() {
        let config = "tunnel: lab\ningress:\n  - hostname: a.test\n    service: http://traefik:80\n  - service: http_status:404\n"
        let added = CloudflaredIngress.insert(service: "web", hostname: "web.test", url: "http://traefik:80", into: config)
        #expect(added == "tunnel: lab\ningress:\n  - hostname: a.test\n    service: http://traefik:80\n  # ailab expose web\n  - hostname: web.test\n    service: http://traefik:80\n  - service: http_status:404\n")
        #expect(added.flatMap { CloudflaredIngress.remove(service: "web", from: $0) } == config)
        #expect(CloudflaredIngress.remove(service: "other", from: added ?? "") == nil)
        #expect(CloudflaredIngress.insert(service: "web", hostname: "web.test", url: "http://traefik:80", into: "ingress:\n  - hostname: a.test\n    service: http://x:1\n") == nil)
        // What the judge reads of it: the new hostname → Traefik, the catch-all nothing.
        let paths = TunnelReader.cloudflared("cloudflared", args: [], contents: [added ?? ""])
        #expect(paths.map(\.publicName) == ["a.test", "web.test"])
    }

    @Test func fileProviderRoutesAreReadWithTheirAuthAndTarget() throws {
        let plan = ExposePlan(
            service: "web", hostname: "web.test", upstream: "http://web:8080", via: nil, tunnelService: nil, tunnelPublicName: nil, basicAuth: true,
            routeFile: "/x", ingressFile: nil, traefikURL: "http://traefik:80", providedSecrets: [], entryReach: [], passwordFile: nil)
        let yaml = Exposer.routeYAML(plan, users: [Htpasswd.line(user: "ailab", password: "p")])
        let routes = ExposureExtras.fileRoutes(yaml)
        #expect(routes.count == 1)
        #expect(routes.first?.route == TraefikRoute(router: "ailab-expose-web", rule: "Host(`web.test`)", middlewares: ["ailab-expose-web-auth"], authenticated: true))
        #expect(routes.first?.host == "web" && routes.first?.port == 8080 && routes.first?.priority == 10000)
        let open = ExposureExtras.fileRoutes(Exposer.routeYAML(plan, users: []))
        #expect(open.first?.route.authenticated == false)
        #expect(ExposureExtras.fileRoutes("not: [yaml").isEmpty)
    }

    @Test func theFilesAreFoundThroughTheBindMounts() throws {
        var traefik = Component(name: "traefik", image: "traefik:v3")
        traefik.command = ["--providers.file.directory=/etc/traefik/dynamic"]
        traefik.volumes = [VolumeMount(source: "/srv/lab/dynamic", target: "/etc/traefik/dynamic")]
        var tunnel = Component(name: "cloudflared", image: "cloudflare/cloudflared:1")
        tunnel.command = ["tunnel", "--config", "/etc/cloudflared/config.yml", "run"]
        tunnel.volumes = [VolumeMount(source: "/srv/lab/cf", target: "/etc/cloudflared")]
        let catalog = Catalog(name: "lab", title: "lab", services: [
            LabService(name: "traefik", title: "Traefik", layer: .publicAccess, phase: 0, components: [traefik]),
            LabService(name: "cloudflared", title: "cf", layer: .publicAccess, phase: 1, components: [tunnel]),
        ], source: "test")
        let files = ExposeFiles.locate(catalog)
        #expect(files.traefikDirectory == "/srv/lab/dynamic" && files.traefik == "traefik")
        #expect(files.cloudflaredConfig == "/srv/lab/cf/config.yml" && files.cloudflared == "cloudflared")
        // The built-in catalog: no file provider, a remotely managed cloudflared: expose refuses, saying what to add.
        let builtIn = try Catalog.builtIn()
        let exposer = Exposer(catalog: builtIn, secrets: SecretStore(stateDirectory: "/nonexistent"), environment: [:])
        #expect(throws: ExposeError.self) { try exposer.plan("open-webui", via: .cloudflared, exposures: []) }
        do { _ = try exposer.plan("open-webui", via: nil, exposures: []) } catch { #expect(error.description.contains("--providers.file.directory")) }
    }
}

extension ExposeFilesTests {
    /// bore, localtunnel and Tailscale deliver their own Host header: the route matches it too.
    @Test func aTunnelsOwnHostIsMatchedByTheRoute() throws {
        var traefik = Component(name: "traefik", image: "traefik:v3")
        traefik.command = ["--providers.file.directory=/dyn"]
        traefik.volumes = [VolumeMount(source: "/nonexistent/dyn", target: "/dyn")]
        var bore = Component(name: "bore", image: "ekzhang/bore:0.6.0")
        bore.command = ["local", "80", "--local-host", "traefik", "--to", "bore.pub"]
        var localtunnel = Component(name: "localtunnel", image: "node:22")
        localtunnel.command = ["npx", "--yes", "localtunnel@2.0.2", "--port", "80", "--local-host", "traefik"]
        var tailscale = Component(name: "tailscale", image: "tailscale/tailscale:v1")
        tailscale.environment = [EnvVar(name: "TS_HOSTNAME", value: "my.lab")]
        tailscale.configs = [ConfigFile(name: "serve", target: "/s.json", content: #"{"Web": {"x:443": {"Handlers": {"/": {"Proxy": "http://traefik:80"}}}}}"#)]
        var web = Component(name: "web", image: "web:1")
        web.ports = [PortSpec(host: nil, container: 3000)]
        let catalog = Catalog(name: "lab", title: "lab", services: [traefik, bore, localtunnel, tailscale, web].map {
            LabService(name: $0.name, title: $0.name, layer: .app, phase: 0, components: [$0])
        }, source: "test")
        let exposer = Exposer(catalog: catalog, secrets: SecretStore(stateDirectory: "/nonexistent"), environment: ["AILAB_DOMAIN": "lab.test"])
        let viaBore = try exposer.plan("web", via: .bore, exposures: [])
        #expect(viaBore.rule == "Host(`web.lab.test`) || Host(`bore.pub`)")
        #expect(viaBore.upstream == "http://web:3000" && viaBore.ingressFile == nil)
        #expect(try exposer.plan("web", via: .localtunnel, exposures: []).rule == "Host(`web.lab.test`) || Host(`traefik`)")
        let viaTailscale = try exposer.plan("web", via: .tailscale, exposures: [])
        #expect(viaTailscale.rule == #"Host(`web.lab.test`) || HostRegexp(`^my\.lab\..+\.ts\.net$`)"#)
        #expect(viaTailscale.question.contains("from your tailnet through tailscale (tailnet)"), "\(viaTailscale.question)")
        // What the file says is what the judge reads back (single-quoted YAML keeps the backslashes).
        let read = ExposureExtras.fileRoutes(Exposer.routeYAML(viaTailscale, users: []))
        #expect(read.first?.route.rule == viaTailscale.rule)
        #expect(throws: ExposeError.self) { try exposer.plan("nothing", via: .bore, exposures: []) }
    }
}
