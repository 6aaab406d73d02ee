#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabCatalog
import LabModel

/// Traefik's routers read from containers' labels, as its Docker provider reads them
/// (https://doc.traefik.io/traefik/routing/providers/docker/): `traefik.http.routers.R.rule`,
/// `.middlewares` (a comma list), `.service`, and `traefik.http.services.S.loadbalancer.server.port`.
/// A router with no service goes to the container's own one; a service with no port to the
/// container's only exposed port. Middlewares defined by labels are known by type; one of
/// another provider (`name@file`) is not, so it never counts as authentication.
struct TraefikLabels {
    /// Service name → (container, port): where Traefik sends a router's requests.
    private var services: [String: (container: ContainerStatus, port: Int?)] = [:]
    private var authMiddlewares: Set<String> = []
    private var routers: [(name: String, container: ContainerStatus, labels: [String: String])] = []

    /// `exposedByDefault`: Traefik's own default is true; the lab's Traefik turns it off.
    init(containers: [ContainerStatus], exposedByDefault: Bool) {
        for container in containers {
            let labels = container.labels
            let enabled = labels["traefik.enable"].map { $0.lowercased() == "true" } ?? exposedByDefault
            guard enabled else { continue }
            for (key, value) in labels {
                let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 5, parts[0] == "traefik", parts[1] == "http" else { continue }
                switch parts[2] {
                case "services" where parts[3...].dropFirst().joined(separator: ".") == "loadbalancer.server.port":
                    services[parts[3]] = (container, Int(value))
                case "services": if services[parts[3]] == nil { services[parts[3]] = (container, nil) }
                case "middlewares" where ["basicauth", "digestauth", "forwardauth"].contains(parts[4].lowercased()):
                    authMiddlewares.insert(parts[3])
                case "routers" where parts[4] == "rule": routers.append((parts[3], container, labels))
                default: continue
                }
            }
        }
    }

    /// Every router, with the container and container port it reaches.
    func routes() -> [(container: ContainerStatus, port: Int?, route: TraefikRoute)] {
        routers.sorted { $0.name < $1.name }.map { router in
            let prefix = "traefik.http.routers.\(router.name)."
            let middlewares = (router.labels[prefix + "middlewares"] ?? "").split(separator: ",")
                .map { $0.trimmed { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty }
            let authenticated = middlewares.contains { authMiddlewares.contains(Self.bare($0)) }
            let route = TraefikRoute(router: router.name, rule: router.labels[prefix + "rule"] ?? "", middlewares: middlewares, authenticated: authenticated)
            let named = router.labels[prefix + "service"].map(Self.bare)
            let own = services.filter { $0.value.container.id == router.container.id }
            let target = named.flatMap { services[$0] } ?? (own.count == 1 ? own.first?.value : nil)
            let container = target?.container ?? router.container
            let port = target?.port ?? Self.onlyPort(of: container)
            return (container, port, route)
        }
    }

    /// `auth@docker` → `auth`.
    static func bare(_ name: String) -> String {
        name.hasSuffix("@docker") ? String(name.dropLast(7)) : name
    }

    /// The container's one exposed port, as Traefik picks it when no label names one.
    static func onlyPort(of container: ContainerStatus) -> Int? {
        let ports = Set(container.ports.map(\.container))
        return ports.count == 1 ? ports.first : nil
    }
}
