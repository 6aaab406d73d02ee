/// The lab's own checks, each proving one of the roadmap's success metrics through the
/// service's API, and `auth` (credentials from the secret store) for `http` and `json`.
extension MetricCheckParser {
    static let kinds = "healthy, http, json, prometheus-targets-up, qdrant-points, grafana-healthy, loki-logs, production-ready, edge-reachable, all"

    /// `auth: {bearer: "${KEY}", basic: {user: …, password: "${PASSWORD}"}, headers: {Name: value},
    /// secret-headers: {Name: SECRET}}`: `${…}` of a declared secret survives the catalog's
    /// interpolation; `secret-headers` names a secret the catalog does not declare (VAULT_TOKEN).
    static func credentials(_ node: YAMLValue?) throws(CatalogDiagnostic) -> Credentials {
        guard let node else { return Credentials() }
        var keys = try KeyReader(node)
        var result = Credentials()
        if let headers = keys.take("headers") {
            for (name, value) in try headers.entries() { result.headers[name] = try value.string() }
        }
        if let named = keys.take("secret-headers") {
            for (name, secret) in try named.entries() { result.headers[name] = "${" + (try secret.string()) + "}" }
        }
        if let bearer = keys.take("bearer") { result.headers["Authorization"] = "Bearer " + (try bearer.string()) }
        if let basic = keys.take("basic") {
            var pair = try KeyReader(basic)
            result.basicUser = try pair.require("user").string()
            result.basicPassword = try pair.require("password").string()
        }
        if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown auth key '\(key)' (bearer, basic, headers, secret-headers)") }
        return result
    }

    static func labCheck(
        _ kind: String, _ body: YAMLValue, service: (YAMLValue) throws(CatalogDiagnostic) -> String
    ) throws(CatalogDiagnostic) -> MetricCheck? {
        switch kind {
        case "qdrant-points":
            var keys = try KeyReader(body)
            return .qdrantPoints(
                service: try service(try keys.require("service")), prefix: try keys.take("prefix")?.string() ?? "",
                auth: try credentials(keys.take("auth")))
        case "grafana-healthy":
            var keys = try KeyReader(body)
            return .grafanaHealthy(service: try service(try keys.require("service")), auth: try credentials(keys.take("auth")))
        case "loki-logs":
            var keys = try KeyReader(body)
            return .lokiLogs(service: try service(try keys.require("service")), label: try keys.take("label")?.string() ?? "container")
        case "production-ready":
            return .productionReady
        case "edge-reachable":
            var keys = try KeyReader(body)
            return .edgeReachable(from: try service(try keys.require("from")), to: try service(try keys.require("to")))
        case "all":
            var checks: [MetricCheck] = []
            for item in try body.items() { checks.append(try parse(item, service: service)) }
            guard !checks.isEmpty else { throw body.diagnostic("'all' needs at least one check") }
            return .all(checks)
        default:
            return nil
        }
    }
}
