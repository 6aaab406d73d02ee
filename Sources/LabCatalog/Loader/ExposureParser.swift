/// Reads `x-ailab.exposure`: `admin`, or `{kind: admin, ports: {8080: admin}, auth-path: /api}`.
enum ExposureParser {
    static func parse(_ value: YAMLValue) throws(CatalogDiagnostic) -> ExposurePolicy {
        guard case .mapping = value.node else { return ExposurePolicy(kind: try kind(value)) }
        var keys = try KeyReader(value)
        var policy = ExposurePolicy()
        if let node = keys.take("kind") { policy.kind = try kind(node) }
        if let node = keys.take("ports") {
            for (key, at) in try node.entries() {
                guard let port = Int(key), (1...65535).contains(port) else {
                    throw at.diagnostic("an exposure port must be a container port number (1-65535), not '\(key)'")
                }
                policy.ports[port] = try kind(at)
            }
        }
        if let node = keys.take("auth-path") {
            policy.authPath = try node.string()
            guard policy.authPath.hasPrefix("/") else { throw node.diagnostic("an exposure auth-path must start with /") }
        }
        if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown exposure key '\(key)' (kind, ports, auth-path)") }
        return policy
    }

    private static func kind(_ node: YAMLValue) throws(CatalogDiagnostic) -> ExposureKind {
        let text = try node.string()
        guard let kind = ExposureKind(rawValue: text) else {
            throw node.diagnostic("unknown exposure kind '\(text)': expected one of \(ExposureKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }
}
