import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabProbes

/// Sends the one unauthenticated GET per published TCP port of a running container that tells
/// whether it asks for credentials (2xx: open), to the address `PortAddress` gives for the
/// engine that runs it (issue 16); a port not reachable from here is "not checked" and why. All
/// at once, each with a short limit.
public struct AuthChecker: Sendable {
    public let timeout: Duration

    public init(timeout: Duration = .seconds(2)) { self.timeout = timeout }

    /// Findings keyed by `ExposureJudge.authKey`.
    public func check(_ snapshot: LabSnapshot) async -> [String: AuthFinding] {
        guard snapshot.engine.reachable else { return [:] }
        var targets: [(key: String, host: String, port: Int, path: String)] = []
        var findings: [String: AuthFinding] = [:]
        let owned = snapshot.services.flatMap { status in status.containers.map { (status.service, $0) } }
            + snapshot.others.map { (nil as LabService?, $0) }
        for (service, container) in owned where container.state == .running && snapshot.isReachable(engine: container.engine) {
            let policy = service?.components.first { $0.name == container.component }?.exposure ?? ExposurePolicy()
            for port in container.ports where port.proto == "tcp" {
                let key = ExposureJudge.authKey(hostIP: port.hostIP, port: port.host, proto: port.proto, engine: container.engine)
                guard !targets.contains(where: { $0.key == key }), findings[key] == nil else { continue }
                switch snapshot.portAddress(engine: container.engine, boundTo: port.hostIP) {
                case .host(let host): targets.append((key, host, port.host, policy.authPath))
                case .unreachable(let why): findings[key] = .notChecked(why)
                }
            }
        }
        let (timeout, unchecked) = (timeout, findings)
        return await withTaskGroup(of: (String, AuthFinding).self) { group in
            for target in targets {
                group.addTask {
                    do {
                        let response = try await HTTPProbe.get(host: target.host, port: target.port, path: target.path, timeout: timeout)
                        return (target.key, AuthFinding(status: response.status))
                    } catch {
                        return (target.key, .noAnswer("\(error)"))
                    }
                }
            }
            var answered = unchecked
            for await (key, finding) in group { answered[key] = finding }
            return answered
        }
    }

    /// Why a port was not checked, for the rows that were not.
    public var uncheckedReason: String { "not running" }
}
