#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabExposure

/// `ailab exposure --json`, and the `exposure` object of every port in `ailab status --json`.
/// Keys never disappear: an unknown value is `null`, an empty list `[]`.
public struct ExposureReport: JSONReport, Sendable {
    let schemaVersion = StatusReport.schemaVersion
    let engine: RoadmapReport.Engine
    let ports: [Row]
    /// One sentence per port that makes `ailab exposure` exit 1.
    let problems: [String]

    public init(_ snapshot: LabSnapshot, exposures: [PortExposure]) {
        let info = snapshot.engine
        engine = RoadmapReport.Engine(endpoint: info.endpoint, reachable: info.reachable, error: info.error)
        ports = exposures.map(Row.init)
        problems = Self.problems(exposures)
    }

    /// "postgres :5432: data store on all interfaces without credentials".
    public static func problems(_ exposures: [PortExposure]) -> [String] {
        exposures.filter { $0.verdict == .exposed }.map { "\($0.service) \($0.portText): \($0.why)" }
    }

    struct Row: Encodable {
        let service: String
        @Nullable var component: String?
        @Nullable var host: Int?
        let container: Int
        let `protocol`: String
        let hostIp: String
        let exposure: Exposure

        init(_ port: PortExposure) {
            service = port.service
            component = port.component
            host = port.hostPort
            container = port.containerPort
            self.protocol = port.proto
            hostIp = port.hostIP
            exposure = Exposure(port)
        }
    }

    /// A port's exposure: reach, route, tunnel, auth, verdict.
    public struct Exposure: Encodable, Sendable {
        let kind: String
        /// loopback, all-interfaces, address, not-published.
        let reach: String
        @Nullable var address: String?
        let routes: [Route]
        let tunnels: [Tunnel]
        let auth: Auth
        let verdict: String
        let why: String

        public init(_ port: PortExposure) {
            kind = port.kind.rawValue
            reach = port.reach.word
            if case .address(let ip) = port.reach { address = ip } else { address = port.reach == .notPublished ? nil : port.hostIP }
            routes = port.routes.map { Route(router: $0.router, rule: $0.rule, middlewares: $0.middlewares, authenticated: $0.authenticated) }
            tunnels = port.tunnels.map { Tunnel(tunnel: $0.tunnel, target: $0.target, publicName: $0.publicName) }
            var detail: String?
            switch port.auth {
            case .noAnswer(let why), .notChecked(let why): detail = why
            default: detail = nil
            }
            auth = Auth(result: port.auth.word, status: port.auth.status, detail: detail)
            verdict = port.verdict.rawValue
            why = port.why
        }
    }

    struct Route: Encodable { let router, rule: String; let middlewares: [String]; let authenticated: Bool }
    struct Tunnel: Encodable { let tunnel, target, publicName: String }

    struct Auth: Encodable {
        /// open, required, other, no-answer, not-checked.
        let result: String
        @Nullable var status: Int?
        @Nullable var detail: String?
    }
}
