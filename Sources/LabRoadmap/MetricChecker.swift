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

/// Runs a metric's automatic check against the engine's snapshot and the services themselves.
public struct MetricChecker: Sendable {
    public let snapshot: LabSnapshot
    public var timeout: Duration = .seconds(2)
    /// The lab's secret store, for a check's credentials (`${NAME}` in its `auth`).
    public var secrets: @Sendable (String) -> String? = { _ in nil }
    /// Now, for `{now-24h}` in a path.
    public var now = Date()

    public init(snapshot: LabSnapshot) { self.snapshot = snapshot }

    /// Met or not, and why, in a person's words.
    public func run(_ check: MetricCheck) async -> (met: Bool, detail: String) {
        switch check {
        case .healthy(let names):
            let problems = names.compactMap { name -> String? in
                guard let status = snapshot.status(of: name) else { return "\(name) is not in the catalog" }
                return Self.healthProblem(status)
            }
            return problems.isEmpty ? (true, "\(names.joined(separator: ", ")) healthy") : (false, problems.joined(separator: "; "))
        case .http(let service, let path, let expect, let auth):
            return await request(service, path, auth: auth) { response in
                expect.accepts(response.status)
                    ? (true, "GET \(path) answered \(response.status)")
                    : (false, "GET \(path) answered \(response.status), expected \(expect)")
            }
        case .json(let service, let path, let pointer, let bound, let auth):
            let path = Self.expandingTimes(path, now: now)
            return await request(service, path, auth: auth) { response in
                guard response.isSuccess else { return (false, Self.refusal(path, response)) }
                guard let document = Self.document(response) else {
                    return (false, "GET \(path) did not answer JSON")
                }
                guard let value = JSONPointer.resolve(pointer, in: document) else { return (false, "no \(pointer.isEmpty ? "value" : pointer) in the answer") }
                return Self.judge(value, bound, at: pointer.isEmpty ? path : pointer)
            }
        case .prometheusTargetsUp(let service):
            return await request(service, "/api/v1/targets") { response in targetsUp(response, prometheus: service) }
        default:
            return await runLab(check)
        }
    }

    /// Why a service does not count as up, in its condition's words; nil when it is up.
    static func healthProblem(_ status: ServiceStatus) -> String? {
        status.condition.condition.isUp ? nil : "\(status.service.name) is \(status.condition.text)"
    }

    func request(
        _ service: String, _ path: String, auth: Credentials = Credentials(), judge: (HTTPResponse) async -> (Bool, String)
    ) async -> (met: Bool, detail: String) {
        guard let status = snapshot.status(of: service) else { return (false, "\(service) is not in the catalog") }
        // An unhealthy service still answers HTTP: only one that is not running at all is refused here.
        if let problem = Self.healthProblem(status), !status.containers.contains(where: { $0.state == .running }) { return (false, problem) }
        guard let port = HTTPProbe.port(of: status) else { return (false, "\(service) publishes no port to check") }
        // On the host of the engine the service runs on (issue 16), as probes and port checks.
        let bound = status.containers.flatMap(\.ports).first { $0.host == port }?.hostIP ?? ""
        let host: String
        switch snapshot.portAddress(engine: status.engine, boundTo: bound) {
        case .host(let address): host = address
        case .unreachable(let why): return (false, "\(service) :\(port): not checked (\(why))")
        }
        let headers: [(name: String, value: String)]
        switch CheckCredentials.headers(auth, secrets: secrets) {
        case .success(let resolved): headers = resolved
        case .failure(let missing): return (false, "\(service): \(missing.description)")
        }
        do {
            let (met, detail) = await judge(try await HTTPProbe.get(host: host, port: port, path: path, headers: headers, timeout: timeout))
            return (met, "\(service) :\(port): \(detail)")
        } catch {
            return (false, "\(service) :\(port): \(error)")
        }
    }

    static func judge(_ value: Any, _ bound: JSONBound, at place: String) -> (met: Bool, detail: String) {
        switch bound {
        case .countAtLeast(let minimum):
            let count = (value as? [Any])?.count ?? (value as? [String: Any])?.count
            guard let count else { return (false, "\(place) is not a list") }
            return (count >= minimum, "\(place) has \(count) \(count == 1 ? "entry" : "entries"); needs \(minimum) or more")
        case .countWhere(let minimum, let field, let wanted):
            guard let list = value as? [Any] else { return (false, "\(place) is not a list") }
            let count = list.filter { JSONPointer.resolve(field, in: $0).map(Self.text) == wanted }.count
            return (count >= minimum, "\(place) has \(count) with \(field) \(wanted); needs \(minimum) or more")
        case .distinctAtLeast(let minimum, let field):
            guard let list = value as? [Any] else { return (false, "\(place) is not a list") }
            let distinct = Set(list.compactMap { JSONPointer.resolve(field, in: $0).map(Self.text) }).sorted()
            let named = distinct.isEmpty ? "" : " (\(distinct.joined(separator: ", ")))"
            return (distinct.count >= minimum, "\(distinct.count) distinct \(field)\(named); needs \(minimum) or more")
        case .atLeast(let minimum):
            guard let number = Self.number(value) else { return (false, "\(place) is not a number") }
            return (number >= minimum, "\(place) is \(number); needs \(minimum) or more")
        case .equals(let expected):
            let text = Self.text(value)
            return (text == expected, "\(place) is \(text)" + (text == expected ? "" : "; needs \(expected)"))
        }
    }

    /// Every installed lab service (but Prometheus) must be an active target that is up. A target
    /// counts for a service when its job is the service's name or its scrape host one of its
    /// components or containers. When Prometheus's config file names the services it scrapes
    /// (the map's edges from it), only those must be targets; the others are monitored through
    /// their containers, by an up `cadvisor` job (container metrics).
    private func targetsUp(_ response: HTTPResponse, prometheus: String) -> (Bool, String) {
        guard response.isSuccess,
            let document = Self.document(response),
            let targets = JSONPointer.resolve("/data/activeTargets", in: document) as? [[String: Any]]
        else { return (false, "GET /api/v1/targets answered \(response.status) without a target list") }
        let scraped = Set(EdgeFinder.edges(snapshot.catalog).filter { $0.from == prometheus && $0.evidence.contains { $0.kind == .config } }.map(\.to))
        let cadvisorUp = targets.contains { ($0["labels"] as? [String: Any])?["job"] as? String == "cadvisor" && $0["health"] as? String == "up" }
        var missing: [String] = [], down: [String] = [], byContainer: [String] = []
        for status in snapshot.services where status.isInstalled && status.service.name != prometheus {
            if !scraped.isEmpty, !scraped.contains(status.service.name), cadvisorUp {
                byContainer.append(status.service.name)
                continue
            }
            let names = Set([status.service.name] + status.service.components.map(\.name) + status.containers.map(\.name))
            let mine = targets.filter { target in
                let job = (target["labels"] as? [String: Any])?["job"] as? String
                let host = (target["scrapeUrl"] as? String).flatMap { URL(string: $0)?.host }
                return names.contains(job ?? "") || names.contains(host ?? "")
            }
            if mine.isEmpty { missing.append(status.service.name) }
            else if !mine.allSatisfy({ $0["health"] as? String == "up" }) { down.append(status.service.name) }
        }
        if missing.isEmpty && down.isEmpty {
            let rest = byContainer.isEmpty ? "" : " (\(byContainer.joined(separator: ", ")) through cAdvisor's container metrics)"
            return (true, "every installed service is an up target" + rest)
        }
        var parts: [String] = []
        if !down.isEmpty { parts.append("down: \(down.joined(separator: ", "))") }
        if !missing.isEmpty { parts.append("not scraped: \(missing.joined(separator: ", "))") }
        return (false, parts.joined(separator: "; "))
    }
}
