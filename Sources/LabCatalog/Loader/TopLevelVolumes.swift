/// The top-level `volumes:` section (and `networks.default`, which takes the same `name` and
/// `external` keys): engine names and what is made elsewhere.
enum TopLevelVolumes {
    /// A top-level volume: its engine name (`name:`), and whether it is `external` (made
    /// elsewhere; compose-spec volumes.md, "external"). External ones keep their own name.
    static func read(_ key: String, _ value: YAMLValue) throws(CatalogDiagnostic) -> (name: String?, external: Bool) {
        var keys = try KeyReader(value)
        var name = try keys.take("name")?.string()
        var external = false
        if let node = keys.take("external") {
            if case .mapping = node.node {  // the old `external: {name: X}` form
                external = true
                name = try KeyReader(node).value.entries().first { $0.key == "name" }?.value.string() ?? name
            } else {
                external = try node.bool()
            }
        }
        return (external ? name ?? key : name, external)
    }

    /// The service with its named volumes' engine names and external marks filled in.
    static func naming(_ service: LabService, volumes: [String: (name: String?, external: Bool)]) -> LabService {
        var service = service
        for index in service.components.indices {
            for mount in service.components[index].volumes.indices {
                let source = service.components[index].volumes[mount].source
                guard let declared = volumes[source], service.components[index].volumes[mount].isNamedVolume else { continue }
                service.components[index].volumes[mount].engineName = declared.name
                service.components[index].volumes[mount].external = declared.external
            }
        }
        return service
    }
}
