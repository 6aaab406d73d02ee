/// Turns compose services into lab services: `x-ailab.part-of` joins components to a primary.
enum ServiceGrouper {
    static func group(_ parsed: [ParsedComponent]) throws(CatalogDiagnostic) -> [LabService] {
        let byName = Dictionary(parsed.map { ($0.component.name, $0) }, uniquingKeysWith: { first, _ in first })
        var owner: [String: String] = [:]
        for item in parsed {
            guard let (primary, at) = item.fields.partOf else {
                owner[item.component.name] = item.component.name
                continue
            }
            guard let target = byName[primary] else { throw at.diagnostic("part-of names '\(primary)', which is not a service of this file") }
            guard target.fields.partOf == nil else { throw at.diagnostic("part-of names '\(primary)', which is itself part of another service") }
            if item.fields.layer != nil || item.fields.phase != nil || item.fields.probe != nil || item.fields.engine != nil {
                throw at.diagnostic("a component takes layer, phase, probe and engine from '\(primary)'; declare them there")
            }
            owner[item.component.name] = primary
        }
        for item in parsed {
            for (dependency, at) in item.dependsOn where byName[dependency] == nil {
                throw at.diagnostic("depends_on names '\(dependency)', which is not a service of this file")
            }
            for (wire, at) in item.fields.wires where byName[wire.to] == nil || byName[wire.to]?.fields.partOf != nil || owner[wire.to] == owner[item.component.name] {
                throw at.diagnostic("a wire goes to '\(wire.to)', which is not another lab service of this file")
            }
        }
        var services: [LabService] = []
        let parts = Dictionary(grouping: parsed.filter { $0.fields.partOf != nil }, by: { $0.fields.partOf?.name ?? "" })
        for primary in parsed where primary.fields.partOf == nil {
            let members = [primary] + (parts[primary.component.name] ?? [])
            let dependencies = members.flatMap { $0.dependsOn.map(\.name) }.compactMap { owner[$0] }
                .filter { $0 != primary.component.name }
            var service = LabService(
                name: primary.component.name, title: primary.fields.title ?? primary.component.name,
                summary: primary.fields.summary ?? "", layer: primary.fields.layer, phase: primary.fields.phase,
                dependencies: unique(dependencies), components: members.map(\.component))
            service.engine = primary.fields.engine
            if let (path, port, expect, interval) = primary.fields.probe {
                guard let hostPort = port ?? service.ports.compactMap(\.host).first else {
                    throw primary.at.diagnostic("the probe needs a port: the service publishes none")
                }
                service.probe = Probe(path: path, port: hostPort, expect: expect, interval: interval)
            }
            services.append(service)
        }
        return services
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
