import Foundation

/// Where a running action's events go: masked, logged to the file, then handed on.
final class ActionReporter: @unchecked Sendable {
    let action: ActionKind
    private let lock = NSLock()
    private var mask: SecretMask
    private let log: ActionLog?
    private let sink: @Sendable (ActionEvent) -> Void
    private let secrets: SecretStore

    init(action: ActionKind, secrets: SecretStore, log: ActionLog?, sink: @escaping @Sendable (ActionEvent) -> Void) {
        self.action = action
        self.secrets = secrets
        self.log = log
        self.sink = sink
        mask = SecretMask(secrets.allValues())
    }

    /// Secrets made during the action must be masked from then on.
    func refreshMask() {
        let fresh = SecretMask(secrets.allValues())
        lock.withLock { mask = fresh }
    }

    func masked(_ text: String) -> String { lock.withLock { mask.apply(text) } }

    func emit(_ service: String?, _ outcome: ActionEvent.Outcome, _ text: String, pull: PullStatus? = nil) {
        let event = ActionEvent(action: action, service: service, outcome: outcome, text: masked(text), pull: pull)
        log?.append(event)
        sink(event)
    }
}
