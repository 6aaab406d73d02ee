/// Checks across services: dependency cycles (errors) and host-port clashes (warnings).
enum CatalogValidator {
    /// Two services publishing one host port cannot both run; say so when loading, not at install.
    /// Linear in ports: one dictionary of owners and one of holders (20,000 services took over a
    /// minute when each component's service was found by a scan of all services).
    static func portClashes(_ catalog: Catalog, services parsed: [ParsedComponent]) -> [CatalogDiagnostic] {
        var owners: [String: LabService] = [:]
        for service in catalog.services {
            for component in service.components { owners[component.name] = service }
        }
        var holders: [String: String] = [:]  // "3000/tcp" -> lab service
        var warnings: [CatalogDiagnostic] = []
        for item in parsed {
            guard let service = owners[item.component.name] else { continue }
            for port in item.component.ports {
                guard let host = port.host else { continue }
                let key = "\(host)/\(port.proto)"
                if let holder = holders[key], holder != service.name {
                    warnings.append(item.at.diagnostic("host port \(key) is also published by '\(holder)': they cannot run together"))
                } else {
                    holders[key] = service.name
                }
            }
        }
        return warnings
    }

    /// A dependency cycle makes an install order impossible: name it.
    static func checkCycles(_ catalog: Catalog, parsed: [ParsedComponent]) throws(CatalogDiagnostic) {
        let serviceEdges = Dictionary(uniqueKeysWithValues: catalog.services.map { ($0.name, $0.dependencies) })
        if let cycle = findCycle(serviceEdges, order: catalog.services.map(\.name)),
            let at = parsed.first(where: { $0.component.name == cycle[0] })?.at
        {
            throw at.diagnostic("dependency cycle: \(cycle.joined(separator: " → "))")
        }
        let componentEdges = Dictionary(parsed.map { ($0.component.name, $0.dependsOn.map(\.name)) }, uniquingKeysWith: { a, _ in a })
        if let cycle = findCycle(componentEdges, order: parsed.map(\.component.name)),
            let at = parsed.first(where: { $0.component.name == cycle[0] })?.at
        {
            throw at.diagnostic("depends_on cycle: \(cycle.joined(separator: " → "))")
        }
    }

    static func findCycle(_ edges: [String: [String]], order: [String]) -> [String]? {
        DependencyOrder.findCycle(edges, order: order)
    }
}
