/// Reads the Swarm part of compose's `deploy`: `replicas` and `placement.constraints`
/// (https://github.com/compose-spec/compose-spec/blob/main/deploy.md). The rest of `deploy`
/// (resources, update_config, …) stays as the catalog reports it: not applied.
enum SwarmDeployParser {
    static func read(deploy: YAMLValue?) throws(CatalogDiagnostic) -> SwarmDeploy {
        var result = SwarmDeploy()
        guard let deploy else { return result }
        for (key, value) in try deploy.entries() {
            switch key {
            case "replicas": result.replicas = try value.int(in: 0...1000)
            case "placement":
                for (inner, item) in try value.entries() where inner == "constraints" {
                    result.constraints = try item.strings()
                    for constraint in result.constraints where !constraint.contains("==") && !constraint.contains("!=") {
                        throw item.diagnostic("placement constraint '\(constraint)' needs == or != (e.g. node.labels.gpu == true)")
                    }
                }
            default: continue
            }
        }
        return result
    }


    /// True when `deploy` says nothing but where to place it: on one engine there is nowhere
    /// else to place it, so nothing goes unapplied (replicas would: a plain install runs one).
    static func onlyPlacement(_ deploy: YAMLValue) -> Bool {
        guard let entries = try? deploy.entries() else { return false }
        return entries.allSatisfy { $0.key == "placement" }
    }
}
