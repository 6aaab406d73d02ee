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
/// ports where `PortAddress` says the engine's host is (issue 16); one it cannot reach from here
/// (loopback on a remote engine) is "not probed", never asked of this machine.
public struct ServiceProber: Sendable {
    /// The engine whose services this probes (each engine has its own prober).
    public let endpoint: DockerEndpoint
    public let timeout: Duration

    public init(endpoint: DockerEndpoint, timeout: Duration = .seconds(2)) {
        self.endpoint = endpoint
        self.timeout = timeout
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
        guard let target = Self.target(status, probe: probe, endpoint: endpoint) else {
            return ProbeResult(outcome: .failed("publishes no port to probe"), at: now(), previous: previous)
        }
        let host: String
        switch target.address {
        case .host(let address): host = address
        case .unreachable(let why): return ProbeResult(outcome: .notProbed("not probed (\(why))"), at: now(), previous: previous)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: ProbeResult.Outcome
        do {
            let response = try await HTTPProbe.get(host: host, port: target.port, path: probe.path, timeout: timeout)
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

    /// Where to send the probe: the host port published for the probe's port, at the address
    /// `PortAddress` gives for its binding on this prober's engine.
    static func target(_ status: ServiceStatus, probe: Probe, endpoint: DockerEndpoint) -> (address: PortAddress, port: Int)? {
        guard let port = HTTPProbe.port(of: status, declared: probe.port) else { return nil }
        let binding = status.containers.flatMap(\.ports).first { $0.host == port }
        return (PortAddress.of(endpoint: endpoint, boundTo: binding?.hostIP ?? "", engine: status.engine), port)
    }
}
