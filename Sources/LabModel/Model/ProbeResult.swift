#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The latest run of a service's `x-ailab.probe`, with what Detail shows: latency and the last failure.
public struct ProbeResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case passed
        /// The answer or the error, in a person's words: `GET /health → 404`.
        case failed(String)
        /// Why it was not run: a remote engine's ports are not this machine's.
        case notProbed(String)
    }

    public var outcome: Outcome
    /// When the outcome last changed. Probes are ailab's own requests, so this is this
    /// machine's clock: the moment a change was first seen.
    public var since: Date
    public var checkedAt: Date
    public var latency: Duration?
    /// The newest failure, kept after the probe passes again, for Detail.
    public var lastFailure: String?
    public var lastFailureAt: Date?

    public init(outcome: Outcome, at: Date, latency: Duration? = nil, previous: ProbeResult? = nil) {
        self.outcome = outcome
        checkedAt = at
        self.latency = latency
        since = previous.map { $0.outcome == outcome || ($0.isFailure && Self.failure(outcome)) ? $0.since : at } ?? at
        if case .failed(let why) = outcome {
            lastFailure = why
            lastFailureAt = at
        } else {
            lastFailure = previous?.lastFailure
            lastFailureAt = previous?.lastFailureAt
        }
    }

    public var isFailure: Bool { Self.failure(outcome) }

    private static func failure(_ outcome: Outcome) -> Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// Only what changes the screen: a new latency alone is not worth a frame.
    public func differs(from other: ProbeResult?) -> Bool {
        other?.outcome != outcome || other?.lastFailure != lastFailure
    }
}
