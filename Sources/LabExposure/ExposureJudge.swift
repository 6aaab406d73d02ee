#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// The one place that decides who can reach each published port of the lab: its binding
/// (loopback, all interfaces, one address), the Traefik routers that send to it (read from the
/// containers' labels), the lab's tunnels that point at it or at Traefik, and one
/// unauthenticated request's answer (`auth`, keyed by `authKey`). Pure: tests need no engine.
public enum ExposureJudge {
    /// The key of an auth finding: "127.0.0.1:5432/tcp"; "gpu 0.0.0.0:5432/tcp" on engine gpu
    /// (the same port on two engines is two ports).
    public static func authKey(hostIP: String, port: Int, proto: String, engine: String? = nil) -> String {
        (engine.map { "\($0) " } ?? "") + "\(hostIP):\(port)/\(proto)"
    }

    /// Every published or routed port of the installed services, in catalog order, then the
    /// ports of containers of no catalog service.
    /// `extras`: the routes and tunnels of the lab's own files on this host (`ExposureExtras.read`).
    public static func judge(
        _ snapshot: LabSnapshot, auth: [String: AuthFinding] = [:], unchecked: String = "not checked", extras: ExposureExtras = ExposureExtras()
    ) -> [PortExposure] {
        guard snapshot.engine.reachable else { return [] }
        let installed = snapshot.services.filter(\.isInstalled)
        let traefik = installed.first { $0.service.components.contains { $0.image.lowercased().hasPrefix("traefik") } }
        let exposedByDefault = !(traefik?.service.components.flatMap { $0.command ?? [] }
            .contains { $0.lowercased() == "--providers.docker.exposedbydefault=false" } ?? false)
        // A file router of a higher priority than a label router's default (its rule's length,
        // https://doc.traefik.io/traefik/routing/routers/#priority) takes every request of the
        // same rule: the label router is shadowed (an `ailab expose` route with auth in front).
        let shadowing = Set(extras.routes.filter { ($0.priority ?? 0) > $0.route.rule.count }.flatMap { $0.route.rule.components(separatedBy: " || ") })
        let routes = TraefikLabels(containers: snapshot.allContainers, exposedByDefault: exposedByDefault).routes().filter { !shadowing.contains($0.route.rule) }
            + (traefik == nil ? [] : fileRoutes(extras, containers: snapshot.allContainers))
        let tunnels = installed.flatMap { TunnelReader.paths(of: $0.service) }
            + extras.tunnels.filter { path in installed.contains { $0.service.name == path.tunnel } }
        // Traefik's own reach: the best of its entry ports (not its admin ones), and the tunnels to it.
        let traefikEntries = traefik.map { entries(of: $0) } ?? []
        let traefikNames = Set(traefik.map { $0.service.components.map(\.name) + $0.containers.map(\.name) } ?? [])
        let routeReach = traefikEntries.filter(\.reach.beyondLoopback).map(\.reach.text)
        let routeTunnels = tunnels.filter { path in traefikEntries.contains { traefikNames.contains(host(path.target)) && port(path.target) == $0.container } }

        var result: [PortExposure] = []
        let owners = installed.map { ($0.service, $0.containers) } + snapshot.others.map { (Self.stranger($0), [$0]) }
        for (service, containers) in owners {
            for container in containers {
                let component = service.components.first { $0.name == container.component }
                var seen: Set<Int> = []
                let myRoutes = routes.filter { $0.container.id == container.id }
                let routed = Set(myRoutes.compactMap(\.port))
                for published in container.ports {
                    seen.insert(published.container)
                    result.append(decide(
                        service: service, component: component, container: container, hostPort: published.host, containerPort: published.container,
                        proto: published.proto, hostIP: published.hostIP, routes: myRoutes.filter { $0.port == published.container }.map(\.route),
                        tunnels: tunnels, routeReach: routeReach, routeTunnels: routeTunnels,
                        auth: auth[authKey(hostIP: published.hostIP, port: published.host, proto: published.proto, engine: container.engine)]
                            ?? .notChecked(unchecked)))
                }
                for port in routed.subtracting(seen).sorted() {
                    result.append(decide(
                        service: service, component: component, container: container, hostPort: nil, containerPort: port, proto: "tcp", hostIP: "",
                        routes: myRoutes.filter { $0.port == port }.map(\.route), tunnels: tunnels, routeReach: routeReach, routeTunnels: routeTunnels,
                        auth: .notChecked("not published; reached through Traefik")))
                }
            }
        }
        return result
    }

    private struct Entry { var container: Int; var reach: Reach }

    private static func entries(of traefik: ServiceStatus) -> [Entry] {
        traefik.containers.flatMap { container in
            let policy = traefik.service.components.first { $0.name == container.component }?.exposure ?? ExposurePolicy()
            return container.ports.filter { policy.kind(ofContainerPort: $0.container, layer: traefik.service.layer) == .entry }
                .map { Entry(container: $0.container, reach: Reach(hostIP: $0.hostIP)) }
        }
    }

    /// File-provider routers, sent to the container whose compose service or name is their server's host.
    private static func fileRoutes(_ extras: ExposureExtras, containers: [ContainerStatus]) -> [(container: ContainerStatus, port: Int?, route: TraefikRoute)] {
        extras.routes.compactMap { file in
            containers.first { $0.component == file.host || $0.name == file.host }.map { ($0, file.port, file.route) }
        }
    }

    private static func host(_ target: String) -> String { String(target.split(separator: ":").first ?? "") }
    private static func port(_ target: String) -> Int? { target.split(separator: ":").last.flatMap { Int($0) } }

    /// A container of no catalog service stands as a service of its own name, of no layer.
    private static func stranger(_ container: ContainerStatus) -> LabService {
        LabService(name: container.name, title: container.name, layer: nil, phase: nil, components: [Component(name: container.component ?? container.name, image: container.image)])
    }
}
