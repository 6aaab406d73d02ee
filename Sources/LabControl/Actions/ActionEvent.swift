import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One thing an action did or is doing, for the console's action log, the command line and
/// the log file. Texts are already masked: no secret value ever reaches an event.
public struct ActionEvent: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case started, done, failed, info, progress
    }

    public var time: Date
    public var action: ActionKind
    public var service: String?
    public var outcome: Outcome
    public var text: String
    /// Set on `.progress` events of a pull.
    public var pull: PullStatus?

    public init(time: Date = Date(), action: ActionKind, service: String?, outcome: Outcome, text: String, pull: PullStatus? = nil) {
        self.time = time
        self.action = action
        self.service = service
        self.outcome = outcome
        self.text = text
        self.pull = pull
    }

    /// "install qdrant: done  pulled qdrant/qdrant:v1.15"
    public var line: String {
        "\(action.rawValue)\(service.map { " \($0)" } ?? ""): \(outcome.rawValue)  \(text)"
    }
}
