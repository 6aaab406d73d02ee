import LabCatalog
import LabModel

extension ExposureJudge {
    /// One port: every way to it from beyond loopback, and whether each asks for credentials.
    static func decide(
        service: LabService, component: Component?, container: ContainerStatus, hostPort: Int?, containerPort: Int, proto: String, hostIP: String,
        routes: [TraefikRoute], tunnels: [TunnelPath], routeReach: [String], routeTunnels: [TunnelPath], auth: AuthFinding
    ) -> PortExposure {
        let kind = (component?.exposure ?? ExposurePolicy()).kind(ofContainerPort: containerPort, layer: service.layer)
        let reach = hostPort == nil ? Reach.notPublished : Reach(hostIP: hostIP)
        let names = Set([component?.name, container.name, container.component].compactMap { $0 })
        let direct = tunnels.filter { path in
            names.contains(String(path.target.split(separator: ":").first ?? "")) && path.target.hasSuffix(":\(containerPort)")
        }
        let viaRoutes = routes.isEmpty ? [] : routeTunnels
        let carried = (direct + viaRoutes).reduce(into: [TunnelPath]()) { if !$0.contains($1) { $0.append($1) } }

        // (way in, protected?, counts as a published data store/model API whatever its auth)
        var ways: [(text: String, protected: Bool, hard: Bool)] = []
        if reach.beyondLoopback { ways.append((reach == .allInterfaces ? "on all interfaces" : "on \(reach.text)", auth.asksCredentials, true)) }
        for route in routes where !routeReach.isEmpty || !routeTunnels.isEmpty {
            ways.append(("routed by Traefik (\(route.rule))", route.authenticated || auth.asksCredentials, false))
        }
        for path in direct { ways.append(("through \(path.tunnel) (\(path.publicName))", auth.asksCredentials, true)) }

        var verdict = ExposureVerdict.local
        var why = reach == .notPublished ? "routed by Traefik, which only this host reaches" : "only this host reaches it"
        for way in ways {
            let found: ExposureVerdict
            let label = kindLabel(kind)
            if kind.isSensitive, way.hard || !way.protected {
                found = .exposed
            } else if way.protected {
                found = .protected
            } else {
                found = kind == .admin ? .exposed : .open
            }
            let sentence: String
            switch found {
            case .exposed: sentence = "\(label) \(way.text)\(way.protected ? "" : " without credentials")"
            case .protected: sentence = "\(label) \(way.text), asks for credentials"
            case .open: sentence = "\(label) \(way.text), without credentials"
            case .local: sentence = why
            }
            if found > verdict || (found == verdict && verdict != .local && why.isEmpty) { (verdict, why) = (found, sentence) }
        }
        return PortExposure(
            service: service.name, component: component?.name ?? container.component, container: container.name, hostPort: hostPort, containerPort: containerPort, proto: proto,
            hostIP: hostIP, kind: kind, reach: reach, routes: routes, tunnels: carried, auth: auth, verdict: verdict, why: why)
    }

    static func kindLabel(_ kind: ExposureKind) -> String {
        switch kind {
        case .dataStore: return "data store"
        case .modelAPI: return "model API"
        case .admin: return "admin interface"
        case .app: return "web app"
        case .entry: return "entrypoint"
        }
    }
}
