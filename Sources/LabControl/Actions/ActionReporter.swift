/// Where a running action's events go: masked, logged to the file, then handed on.
final class ActionReporter: Sendable {
    let action: ActionKind
    private let masker: SecretMasker
    private let log: ActionLog?
    private let sink: @Sendable (ActionEvent) -> Void

    init(action: ActionKind, secrets: SecretStore, log: ActionLog?, sink: @escaping @Sendable (ActionEvent) -> Void) {
        self.action = action
        self.log = log
        self.sink = sink
        masker = SecretMasker(store: secrets)
    }

    /// Secrets made during the action must be masked from then on.
    func refreshMask() { masker.reload() }

    func masked(_ text: String) -> String { masker.apply(text) }

    func emit(_ service: String?, _ outcome: ActionEvent.Outcome, _ text: String, pull: PullStatus? = nil) {
        let event = ActionEvent(action: action, service: service, outcome: outcome, text: masked(text), pull: pull)
        log?.append(event)
        sink(event)
    }
}
