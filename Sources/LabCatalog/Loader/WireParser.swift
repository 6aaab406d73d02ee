/// Reads `x-ailab.wires`: `[{to: SERVICE, environment: {NAME: value, …}, configs: […]}]`,
/// compose's environment and configs forms allowed. Whether `to` names a service is checked
/// once all are read.
enum WireParser {
    static func parse(_ value: YAMLValue, configs table: [String: String]) throws(CatalogDiagnostic) -> [(wire: Wire, at: YAMLValue)] {
        var result: [(wire: Wire, at: YAMLValue)] = []
        for item in try value.items() {
            var keys = try KeyReader(item)
            let to = try keys.require("to")
            let environmentNode = try keys.require("environment")
            let environment = try ComposeSyntax.environment(environmentNode)
            guard !environment.isEmpty else { throw environmentNode.diagnostic("a wire sets at least one variable") }
            let configs = try keys.take("configs").map { v throws(CatalogDiagnostic) in try ConfigParser.mounts(v, table: table) } ?? []
            if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown wire key '\(key)' (to, environment, configs)") }
            result.append((Wire(to: try to.string(), environment: environment, configs: configs), to))
        }
        return result
    }
}
