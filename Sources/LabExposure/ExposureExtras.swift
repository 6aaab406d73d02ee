#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// What the lab's own configuration files on this host add to the labels: Traefik's
/// file-provider routers and the tunnels' bind-mounted configs (see `ExposeFiles`). Read by
/// `read(_:)`, then judged with the labels by `ExposureJudge`: one truth for both.
public struct ExposureExtras: Sendable, Equatable {
    /// A router of the file provider, and the `host:port` its service's first server points at.
    public struct FileRoute: Sendable, Equatable {
        public var route: TraefikRoute
        public var host: String
        public var port: Int
        /// The router's `priority`, when it sets one.
        public var priority: Int? = nil
    }

    public var routes: [FileRoute] = []
    public var tunnels: [TunnelPath] = []

    public init() {}

    /// Reads the files `files` names; an unreadable or malformed file adds nothing.
    public static func read(_ files: ExposeFiles) -> ExposureExtras {
        var extras = ExposureExtras()
        if let directory = files.traefikDirectory {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for name in names where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                extras.routes += fileRoutes(text(directory + "/" + name))
            }
        }
        if let path = files.cloudflaredConfig, let name = files.cloudflared {
            extras.tunnels += TunnelReader.cloudflared(name, args: [], contents: [text(path)])
        }
        if let path = files.tailscaleServe, let name = files.tailscale {
            extras.tunnels += TunnelReader.tailscale(name, contents: [text(path)])
        }
        return extras
    }

    /// Routers of one dynamic-configuration file (https://doc.traefik.io/traefik/routing/routers/,
    /// /middlewares/http/basicauth/, /routing/services/: `http.routers.R.{rule, service,
    /// middlewares}`, `http.middlewares.M.basicAuth`, `http.services.S.loadBalancer.servers[].url`).
    static func fileRoutes(_ text: String) -> [FileRoute] {
        guard let http = (PlainYAML.load(text) as? [String: Any])?["http"] as? [String: Any] else { return [] }
        let routers = http["routers"] as? [String: Any] ?? [:]
        let middlewares = http["middlewares"] as? [String: Any] ?? [:]
        let services = http["services"] as? [String: Any] ?? [:]
        let auth = Set(middlewares.compactMap { name, value -> String? in
            let kinds = ((value as? [String: Any]) ?? [:]).keys.map { $0.lowercased() }
            return kinds.contains { ["basicauth", "digestauth", "forwardauth"].contains($0) } ? name : nil
        })
        return routers.keys.sorted().compactMap { name in
            guard let router = routers[name] as? [String: Any], let rule = router["rule"] as? String,
                let serviceName = (router["service"] as? String).map(bare),
                let balancer = (services[serviceName] as? [String: Any])?["loadBalancer"] as? [String: Any],
                let url = ((balancer["servers"] as? [Any])?.first as? [String: Any])?["url"] as? String,
                let target = TunnelReader.target(url), let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...])
            else { return nil }
            let used = (router["middlewares"] as? [Any] ?? []).compactMap { $0 as? String }
            let route = TraefikRoute(router: name, rule: rule, middlewares: used, authenticated: used.contains { auth.contains(bare($0)) })
            return FileRoute(route: route, host: String(target[..<colon]), port: port, priority: router["priority"] as? Int)
        }
    }

    /// `auth@file` → `auth`.
    static func bare(_ name: String) -> String { name.hasSuffix("@file") ? String(name.dropLast(5)) : name }

    private static func text(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
