import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// Runs services' `x-ailab.probe` (GET a path on a published port; the answer's status must be
/// one the catalog accepts), concurrently, each with a short timeout. Probes reach published
/// ports on the engine's host, so they run only where the engine is local.
public struct ServiceProber: Sendable {
    public let engineIsLocal: Bool
    /// A remote engine's host (tcp:// or ssh://): its published ports are reached there (issue 16).
    public let engineHost: String?
    public let timeout: Duration

    public init(endpoint: DockerEndpoint, timeout: Duration = .seconds(2)) {
        engineIsLocal = Self.isLocal(endpoint)
        engineHost = engineIsLocal ? nil : endpoint.remoteHost
        self.timeout = timeout
    }

    static func isLocal(_ endpoint: DockerEndpoint) -> Bool {
        switch endpoint {
        case .unix: return true
        case .tcp(let host, _), .ssh(_, let host, _, _): return host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }

    /// The services a probe speaks for now: a probe in the catalog and a running container.
    public static func probeable(_ snapshot: LabSnapshot) -> [ServiceStatus] {
        guard snapshot.engine.reachable else { return [] }
        return snapshot.services.filter { status in status.service.probe != nil && status.containers.contains { $0.state == .running } }
    }

    /// Probes every probeable service once, side by side.
    public func probeAll(_ snapshot: LabSnapshot, previous: [String: ProbeResult] = [:]) async -> [String: ProbeResult] {
        let services = Self.probeable(snapshot)
        return await withTaskGroup(of: (String, ProbeResult?).self) { group in
            for status in services {
                group.addTask { (status.service.name, await probe(status, previous: previous[status.service.name])) }
            }
            var results: [String: ProbeResult] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
    }

    public func probe(_ status: ServiceStatus, previous: ProbeResult?, now: @Sendable () -> Date = Date.init) async -> ProbeResult? {
        guard let probe = status.service.probe else { return nil }
        guard engineIsLocal || engineHost != nil else { return ProbeResult(outcome: .notProbed("not probed (remote engine)"), at: now(), previous: previous) }
        guard let target = Self.target(status, probe: probe, engineHost: engineHost) else {
            return ProbeResult(outcome: .failed("publishes no port to probe"), at: now(), previous: previous)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: ProbeResult.Outcome
        do {
            let response = try await HTTPProbe.get(host: target.host, port: target.port, path: probe.path, timeout: timeout)
            outcome = probe.expect.accepts(response.status) ? .passed : .failed("GET \(probe.path) → \(response.status)")
        } catch is CancellationError {
            return nil
        } catch {
            outcome = .failed("GET :\(target.port)\(probe.path): \(error)")
        }
        let latency = clock.now - started
        let said = if case .failed(let why) = outcome { "failed (\(why))" } else { "passed" }
        LabLog.info("probe", "\(status.service.name): \(said) in \(LabLog.milliseconds(latency))")
        return ProbeResult(outcome: outcome, at: now(), latency: latency, previous: previous)
    }

    /// Where to send the probe: the host port published for the probe's port, on the address it
    /// is bound to (loopback when bound to all).
    /// On a remote engine, a port bound to all addresses is reached at the engine's host.
    static func target(_ status: ServiceStatus, probe: Probe, engineHost: String? = nil) -> (host: String, port: Int)? {
        guard let port = HTTPProbe.port(of: status, declared: probe.port) else { return nil }
        let binding = status.containers.flatMap(\.ports).first { $0.host == port }
        let ip = binding?.hostIP ?? ""
        return (ip.isEmpty || ip == "0.0.0.0" || ip == "::" ? engineHost ?? "127.0.0.1" : ip, port)
    }
}
