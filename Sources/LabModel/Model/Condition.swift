#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a service or container is, in one word. Every surface (console glyphs and colours, the
/// header counts, every table, the roadmap, `ailab status` and its exit code, metric checks)
/// reads this value; it is decided only in `ConditionJudge`. Raw values are the JSON contract.
public enum Condition: String, Sendable, Codable, CaseIterable {
    /// Running, and its check (Docker healthcheck, else the catalog's probe) passes.
    case healthy
    /// Running, with no check of any kind to say more.
    case running
    /// Running, its healthcheck has not passed yet (or a created container not yet started by an action).
    case starting
    /// Running, and its check fails.
    case unhealthy
    /// Not running because someone asked: `docker stop`/`kill`, compose stop, `ailab stop`, the engine shutting down.
    case stopped
    /// Exited 0 by itself, with no restart policy that would run it again: a one-shot job done.
    case completed
    /// Exited non-zero by itself, or OOM-killed, or dead.
    case crashed
    /// The engine keeps restarting it: a crash loop.
    case restarting
    case paused
    case notInstalled = "not-installed"
    /// The engine does not answer: nothing is shown as if it were current.
    case unknown

    /// The conditions that make `ailab status` exit 1.
    public var isTrouble: Bool { self == .unhealthy || self == .crashed || self == .restarting }

    /// Up and doing its job, as far as anything can tell: counts as done on the roadmap.
    public var isUp: Bool { self == .healthy || self == .running }

    /// Which condition speaks for a multi-container service: the most troubled component's.
    /// `running` (no check) ranks below `healthy` (checked): a checked component says more.
    var trouble: Int {
        switch self {
        case .crashed: return 10
        case .restarting: return 9
        case .unhealthy: return 8
        case .unknown: return 7
        case .stopped: return 6
        case .paused: return 5
        case .starting: return 4
        case .healthy: return 3
        case .running: return 2
        case .completed: return 1
        case .notInstalled: return 0
        }
    }
}

/// A condition with what explains it: since when (from the engine's own times) and why.
public struct ConditionReport: Sendable, Equatable {
    public var condition: Condition
    /// When it entered this condition: StartedAt, FinishedAt, the health log, a probe's change. nil when the engine did not say.
    public var since: Date?
    /// A person's words for the why: "exit 3", "OOM-killed", "4 restarts", "probe: GET /health → 404".
    public var detail: String?

    public init(_ condition: Condition, since: Date? = nil, detail: String? = nil) {
        self.condition = condition
        self.since = since
        self.detail = detail
    }

    /// `crashed (exit 3)`, `healthy`: the condition with its detail, for tables and summary lines.
    public var text: String { detail.map { "\(condition.rawValue) (\($0))" } ?? condition.rawValue }
}
