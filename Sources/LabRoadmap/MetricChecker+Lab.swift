import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabProbes

/// The lab's own checks: each asks the service's API for the fact its metric claims.
extension MetricChecker {
    func runLab(_ check: MetricCheck) async -> (met: Bool, detail: String) {
        switch check {
        case .qdrantPoints(let service, let prefix, let auth):
            return await qdrantPoints(service, prefix: prefix, auth: auth)
        case .grafanaHealthy(let service, let auth):
            return await grafanaHealthy(service, auth: auth)
        case .lokiLogs(let service, let label):
            return await lokiLogs(service, label: label)
        case .productionReady:
            let problems = ProductionAudit.problems(snapshot)
            return problems.isEmpty ? (true, "every installed service pinned, checked, restarted and private") : (false, problems.joined(separator: "; "))
        case .edgeReachable(let from, let to):
            let edges = EdgeJudge.judge(snapshot).filter { $0.edge.from == from && $0.edge.to == to }
            guard !edges.isEmpty else { return (false, "the map has no edge \(from) → \(to)") }
            let bad = edges.first { $0.state != .reachable }
            return bad.map { (false, "\(from) → \(to) is \($0.state.rawValue)" + ($0.reason.map { ": \($0)" } ?? "")) } ?? (true, "\(from) → \(to) reachable")
        case .all(let checks):
            var details: [String] = []
            var met = true
            for inner in checks {
                let result = await run(inner)
                met = met && result.met
                details.append(result.detail)
            }
            return (met, details.joined(separator: "; "))
        default:
            return await run(check)
        }
    }

    /// Qdrant's REST API: `GET /collections` → `{"result": {"collections": [{"name"}]}}`, then
    /// `GET /collections/NAME` → `{"result": {"points_count": N, …}}`
    /// (https://api.qdrant.tech/api-reference/collections/get-collections, …/get-collection).
    /// Open WebUI names its collections with its prefix (QDRANT_COLLECTION_PREFIX, default
    /// `open-webui`: https://docs.openwebui.com/getting-started/env-configuration).
    func qdrantPoints(_ service: String, prefix: String, auth: Credentials) async -> (met: Bool, detail: String) {
        var names: [String] = []
        let listed = await request(service, "/collections", auth: auth) { response in
            guard response.isSuccess else { return (false, Self.refusal("/collections", response)) }
            let list = Self.document(response).flatMap { JSONPointer.resolve("/result/collections", in: $0) as? [[String: Any]] }
            guard let list else { return (false, "GET /collections answered no collection list") }
            names = list.compactMap { $0["name"] as? String }.filter { $0.hasPrefix(prefix) }.sorted()
            return (true, "")
        }
        guard listed.met else { return listed }
        guard !names.isEmpty else { return (false, "\(service): no collection named \(prefix)… (nothing indexed yet)") }
        var total = 0
        for name in names {
            let path = "/collections/" + name.percentEncoded()
            let one = await request(service, path, auth: auth) { response in
                guard response.isSuccess else { return (false, Self.refusal(path, response)) }
                guard let count = Self.document(response).flatMap({ JSONPointer.resolve("/result/points_count", in: $0) }).flatMap(Self.number),
                    let points = Int(exactly: count.rounded(.towardZero)), points >= 0
                else {
                    return (false, "GET \(path) answered no points_count")
                }
                total += points
                return (true, "")
            }
            guard one.met else { return one }
        }
        return (total > 0, "\(service): \(names.count) \(prefix) collection\(names.count == 1 ? "" : "s") holding \(total) point\(total == 1 ? "" : "s")")
    }

    /// Grafana's HTTP API with the admin's basic credentials: `GET /api/search?type=dash-db` (a
    /// list of dashboards), `GET /api/datasources` (a list with `uid`, `name`), and each
    /// `GET /api/datasources/uid/UID/health` → `{"status": "OK", "message": …}`
    /// (https://grafana.com/docs/grafana/latest/developers/http_api/data_source/).
    func grafanaHealthy(_ service: String, auth: Credentials) async -> (met: Bool, detail: String) {
        var dashboards = 0
        let search = await request(service, "/api/search?type=dash-db", auth: auth) { response in
            guard response.isSuccess else { return (false, Self.refusal("/api/search", response)) }
            dashboards = (Self.document(response) as? [Any])?.count ?? 0
            return (dashboards > 0, dashboards > 0 ? "" : "no dashboard")
        }
        guard search.met else { return search }
        var sources: [(uid: String, name: String)] = []
        let listed = await request(service, "/api/datasources", auth: auth) { response in
            guard response.isSuccess else { return (false, Self.refusal("/api/datasources", response)) }
            sources = ((Self.document(response) as? [[String: Any]]) ?? []).compactMap { entry in
                (entry["uid"] as? String).map { ($0, entry["name"] as? String ?? $0) }
            }
            return (!sources.isEmpty, sources.isEmpty ? "no data source" : "")
        }
        guard listed.met else { return listed }
        var sick: [String] = []
        for source in sources {
            let path = "/api/datasources/uid/\(source.uid)/health"
            let health = await request(service, path, auth: auth) { response in
                let status = Self.document(response).flatMap { JSONPointer.resolve("/status", in: $0) as? String }
                return (response.isSuccess && status == "OK", "")
            }
            if !health.met { sick.append(source.name) }
        }
        guard sick.isEmpty else { return (false, "\(service): data source\(sick.count == 1 ? "" : "s") failing health: \(sick.joined(separator: ", "))") }
        return (true, "\(service): \(dashboards) dashboard\(dashboards == 1 ? "" : "s"), \(sources.count) healthy data source\(sources.count == 1 ? "" : "s")")
    }

    /// Loki's `GET /loki/api/v1/label/NAME/values` → `{"status": "success", "data": [values]}`
    /// (https://grafana.com/docs/loki/latest/reference/loki-http-api/#query-label-values): the
    /// container names Alloy labelled streams with (config/alloy.alloy), over Loki's default window.
    func lokiLogs(_ service: String, label: String) async -> (met: Bool, detail: String) {
        let path = "/loki/api/v1/label/\(label)/values"
        return await request(service, path) { response in
            guard response.isSuccess else { return (false, Self.refusal(path, response)) }
            guard let values = Self.document(response).flatMap({ JSONPointer.resolve("/data", in: $0) as? [String] }) else {
                return (false, "GET \(path) answered no value list")
            }
            let logged = Set(values.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 })
            let silent = snapshot.services.filter { status in
                status.isInstalled && !status.containers.contains { logged.contains($0.name) }
            }.map(\.service.name)
            return silent.isEmpty ? (true, "every installed service has log lines") : (false, "no log lines from \(silent.joined(separator: ", "))")
        }
    }

    /// The answer as the `Any` tree `JSONPointer` walks (numbers as Int or Double); nil when it is not JSON.
    static func document(_ response: HTTPResponse) -> Any? {
        (try? JSONValue.parse(response.body))?.any
    }

    /// A JSON number, integer or fraction (Prometheus and Qdrant answer either).
    static func number(_ value: Any) -> Double? { JSONValue(any: value)?.number }

    /// A JSON value in the words a catalog's `equals`/`where-equals` gives: true, 3, 2.5, null.
    static func text(_ value: Any) -> String {
        switch JSONValue(any: value) {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .null: return "null"
        default: return String(describing: value)
        }
    }

    /// A failed answer in words; 401 and 403 say the credentials were refused (never which).
    static func refusal(_ path: String, _ response: HTTPResponse) -> String {
        let base = "GET \(path.split(separator: "?").first.map(String.init) ?? path) answered \(response.status)"
        return response.status == 401 || response.status == 403 ? base + ": the credentials were refused" : base
    }

    /// `{now-24h}` → the ISO 8601 time 24 hours before `now` (Langfuse's `fromTimestamp`).
    static func expandingTimes(_ path: String, now: Date) -> String {
        guard let open = path.firstRange(of: "{now-"), let close = path[open.upperBound...].firstRange(of: "h}"),
            let hours = Double(path[open.upperBound..<close.lowerBound])
        else { return path }
        var expanded = path
        expanded.replaceSubrange(open.lowerBound..<close.upperBound, with: DateText.iso8601(now.addingTimeInterval(-hours * 3600)))
        return expanded
    }
}
