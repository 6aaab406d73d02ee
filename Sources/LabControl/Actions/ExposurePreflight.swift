import LabCatalog
import LabExposure

/// The install's exposure warnings: a port that a catalog would publish on all interfaces
/// (no address, 0.0.0.0 or ::) for a data store, a model API or an admin interface. A warning,
/// not a refusal: a user's own catalog may mean it; the built-in one binds those to 127.0.0.1.
public enum ExposurePreflight {
    public static func warnings(for plan: ActionPlan, catalog: Catalog) -> [String] {
        plan.entries.flatMap { entry -> [String] in
            guard let service = catalog.service(named: entry.service) else { return [] }
            let names: [String]
            switch entry.operation {
            case .install(let components), .recreate(let components): names = components
            default: return []
            }
            return service.components.filter { names.contains($0.name) }.flatMap { warnings(for: $0, of: service) }
        }
    }

    /// One component's ports that would listen on every interface while they should not.
    public static func warnings(for component: Component, of service: LabService) -> [String] {
        component.ports.compactMap { port -> String? in
            guard let host = port.host, Reach(hostIP: port.hostIP ?? "") == .allInterfaces else { return nil }
            let kind = component.exposure.kind(ofContainerPort: port.container, layer: service.layer)
            let what: String
            switch kind {
            case .dataStore: what = "a data store"
            case .modelAPI: what = "a model API, which asks for no credentials"
            case .admin: what = "an admin interface"
            case .app, .entry: return nil
            }
            return "\(component.name) would publish host port \(host)/\(port.proto) (\(what)) on all interfaces: anyone on the LAN can reach it; "
                + "bind it to loopback (\"127.0.0.1:\(host):\(port.container)\") unless that is meant"
        }
    }
}
