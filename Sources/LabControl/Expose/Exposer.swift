#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabExposure

/// Makes a service reachable from outside on purpose, and takes it back: a Traefik router in
/// the lab's file-provider directory (one file per service, so taking it back is deleting that
/// file) with a basic-auth middleware unless the service asks for its own login, and the
/// tunnel's ingress (cloudflared's config; bore, localtunnel and Tailscale already carry
/// Traefik, so they need only the route). Plans first, so the question names everything.
public struct Exposer: Sendable {
    /// The basic-auth user name.
    public static let user = "ailab"

    public let catalog: Catalog
    public let files: ExposeFiles
    public let secrets: SecretStore
    /// The lab's domain: `AILAB_DOMAIN`, else `localhost` (as the catalog's host rules have it).
    public let domain: String

    public init(catalog: Catalog, secrets: SecretStore, environment: [String: String]) {
        self.catalog = catalog
        self.files = ExposeFiles.locate(catalog)
        self.secrets = secrets
        self.domain = environment["AILAB_DOMAIN"].flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
    }

    /// The plan, from the catalog, the files and what `ExposureJudge` says of the lab now
    /// (`exposures`): whether the service already asks for credentials, where Traefik listens,
    /// where the tunnel comes out.
    public func plan(_ name: String, via: ExposeVia?, exposures: [PortExposure]) throws(ExposeError) -> ExposePlan {
        guard let service = catalog.service(named: name) else {
            throw .refused("unknown service '\(name)' (the catalog has: \(catalog.services.map(\.name).joined(separator: ", ")))")
        }
        guard let traefik = files.traefik, let directory = files.traefikDirectory else {
            throw .refused("the lab's Traefik has no file provider on a host directory, so ailab has nowhere to write a route: give traefik `--providers.file.directory=/etc/traefik/dynamic` and bind-mount a host directory there")
        }
        guard name != traefik, !ExposeVia.allCases.contains(where: { $0.rawValue == name }) else { throw .refused("\(name) is the lab's front door, not something to expose") }
        let routeFile = directory + "/" + Self.routeFileName(name)
        guard !FileManager.default.fileExists(atPath: routeFile) else { throw .refused("\(name) is already exposed (\(routeFile)); run `ailab unexpose \(name)` first") }
        guard let upstream = Self.upstream(of: service) else { throw .refused("\(name) publishes no port Traefik could send requests to") }
        let own = exposures.filter { $0.service == name && $0.containerPort == upstream.port }
        let traefikService = catalog.service(named: traefik)
        let entryPort = traefikService?.components.flatMap(\.ports).first { [80, 8000].contains($0.container) }?.container ?? 80
        var plan = ExposePlan(
            service: name, hostname: Self.hostname(of: service) ?? "\(name).\(domain)", upstream: "http://\(upstream.host):\(upstream.port)",
            via: via, tunnelService: nil, tunnelPublicName: nil, basicAuth: !own.contains { $0.auth.asksCredentials }, routeFile: routeFile, ingressFile: nil,
            traefikURL: "http://\(traefikService?.primary.name ?? traefik):\(entryPort)", providedSecrets: [],
            entryReach: Array(Set(exposures.filter { $0.service == traefik && $0.kind == .entry && $0.reach.beyondLoopback }.map(\.reach.text))).sorted(),
            passwordFile: nil)
        if plan.basicAuth { plan.passwordFile = secrets.path(Self.passwordName(name)) }
        if let via { try tunnel(via, into: &plan, traefik: traefik, exposures: exposures) }
        return plan
    }

    /// The tunnel's part of the plan: which service, where it comes out, which file changes.
    private func tunnel(_ via: ExposeVia, into plan: inout ExposePlan, traefik: String, exposures: [PortExposure]) throws(ExposeError) {
        let named = via == .cloudflared ? files.cloudflared ?? via.rawValue : via == .tailscale ? files.tailscale ?? via.rawValue : via.rawValue
        guard let tunnel = catalog.service(named: named) else { throw .refused("the catalog has no \(via.rawValue) service to carry \(plan.service)") }
        plan.tunnelService = tunnel.name
        plan.providedSecrets = tunnel.components.flatMap(\.environment).filter { $0.secret?.provided == true && secrets.value($0.name) == nil }.map(\.name)
        if via == .cloudflared {
            guard let config = files.cloudflaredConfig else {
                throw .refused("\(tunnel.name) is remotely managed (a token, no --config on a host file): add the public hostname \(plan.hostname) → \(plan.traefikURL) in Cloudflare's dashboard, or run it with a config file ailab can edit")
            }
            let text = FileManager.default.contents(atPath: config).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard CloudflaredIngress.insert(service: plan.service, hostname: plan.hostname, url: plan.traefikURL, into: text) != nil else {
                throw .refused("\(config) has no ingress list ending in a catch-all rule (`- service: http_status:404`), which cloudflared requires; ailab adds its rule before it")
            }
            plan.ingressFile = config
            plan.tunnelPublicName = plan.hostname
            return
        }
        // bore, localtunnel and Tailscale's serve config forward to Traefik already: check they do.
        let paths = TunnelReader.paths(of: tunnel) + ExposureExtras.read(files).tunnels.filter { $0.tunnel == tunnel.name }
        let traefikNames = Set(catalog.service(named: traefik)?.components.map(\.name) ?? [traefik])
        guard let path = paths.first(where: { traefikNames.contains(String($0.target.split(separator: ":").first ?? "")) }) else {
            throw .refused("\(tunnel.name) does not forward to Traefik (\(paths.map(\.target).joined(separator: ", "))), so a route would not carry \(plan.service) through it")
        }
        plan.tunnelPublicName = path.publicName
        // The Host header these tunnels deliver is theirs, not SERVICE.DOMAIN: bore passes the
        // client's (its server's name), localtunnel's `--local-host` rewrites it to that host,
        // Tailscale serve keeps its tailnet name (TS_HOSTNAME.<tailnet>.ts.net). The route
        // matches that too, so what the tunnel carries reaches this service behind its auth.
        let target = String(path.target.split(separator: ":").first ?? "")
        switch via {
        case .bore: plan.tunnelRule = "Host(`\(path.publicName)`)"
        case .localtunnel: plan.tunnelRule = "Host(`\(target)`)"
        default:
            let name = tunnel.components.flatMap(\.environment).first { $0.name == "TS_HOSTNAME" }?.value ?? "ailab"
            plan.tunnelRule = "HostRegexp(`^\(name.replacing(".", with: "\\."))\\..+\\.ts\\.net$`)"
        }
    }

    /// `EXPOSE_OPEN_WEBUI_PASSWORD`: the basic-auth password's name in the secret store.
    public static func passwordName(_ service: String) -> String {
        "EXPOSE_" + service.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" } + "_PASSWORD"
    }

    static func routeFileName(_ service: String) -> String { "ailab-expose-\(service).yml" }

    /// The component and container port Traefik's labels already send to, else the first port.
    static func upstream(of service: LabService) -> (host: String, port: Int)? {
        for component in service.components {
            let label = component.labels.first { $0.key.hasPrefix("traefik.http.services.") && $0.key.hasSuffix(".loadbalancer.server.port") }
            if let port = label.flatMap({ Int($0.value) }) { return (component.name, port) }
        }
        return service.components.first { !$0.ports.isEmpty }.map { ($0.name, $0.ports[0].container) }
    }

    /// The host of the service's own router rule (`Host(\`open-webui.localhost\`)`), if it has one.
    static func hostname(of service: LabService) -> String? {
        let rules = service.components.flatMap(\.labels).filter { $0.key == "traefik.http.routers.\(service.name).rule" }.map(\.value)
        guard let rule = rules.first, let start = rule.firstRange(of: "Host(`"), let end = rule[start.upperBound...].firstIndex(of: "`") else { return nil }
        return String(rule[start.upperBound..<end])
    }
}
