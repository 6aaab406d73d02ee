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
/// whether it asks for credentials (2xx: open). Only for a local engine: a remote engine's
/// ports are on another host. All at once, each with a short limit.
public struct AuthChecker: Sendable {
    /// Where probes may go is where this request may go: the same rule, the same limit.
    let prober: ServiceProber
    public var engineIsLocal: Bool { prober.engineIsLocal }

    public init(endpoint: DockerEndpoint) { prober = ServiceProber(endpoint: endpoint) }

    /// Findings keyed by `ExposureJudge.authKey`.
    public func check(_ snapshot: LabSnapshot) async -> [String: AuthFinding] {
        guard engineIsLocal, snapshot.engine.reachable else { return [:] }
        var targets: [(key: String, host: String, port: Int, path: String)] = []
        let owned = snapshot.services.flatMap { status in status.containers.map { (status.service, $0) } }
            + snapshot.others.map { (nil as LabService?, $0) }
        for (service, container) in owned where container.state == .running {
            let policy = service?.components.first { $0.name == container.component }?.exposure ?? ExposurePolicy()
            for port in container.ports where port.proto == "tcp" {
                let key = ExposureJudge.authKey(hostIP: port.hostIP, port: port.host, proto: port.proto)
                guard !targets.contains(where: { $0.key == key }) else { continue }
                let host = Reach(hostIP: port.hostIP) == .allInterfaces ? "127.0.0.1" : port.hostIP
                targets.append((key, host == "::1" ? "127.0.0.1" : host, port.host, policy.authPath))
            }
        }
        let timeout = prober.timeout
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
            var findings: [String: AuthFinding] = [:]
            for await (key, finding) in group { findings[key] = finding }
            return findings
        }
    }

    /// Why a port was not checked, for the rows that were not.
    public var uncheckedReason: String { engineIsLocal ? "not running" : "remote engine" }
}
