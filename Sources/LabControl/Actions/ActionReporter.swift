import DockerClient
import Synchronization

/// Where a running action's events go: masked, logged to the file, then handed on.
final class ActionReporter: Sendable {
    let action: ActionKind
    private let masker: SecretMasker
    private let log: ActionLog?
    private let sink: @Sendable (ActionEvent) -> Void
    /// The step started and not yet done or failed (steps run one at a time).
    private let openStep = Mutex<ActionEvent?>(nil)

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
        openStep.withLock { open in
            switch outcome {
            case .started: open = event
            case .done, .failed: open = nil
            case .info, .progress: break
            }
        }
        log?.append(event)
        if outcome != .progress { LabLog.info("action", event.line) }
        sink(event)
    }

    /// ailab is quitting with a step under way: say so in the log, with what is known.
    func abandonOpenStep() {
        guard let open = openStep.withLock({ $0 }) else { return }
        emit(open.service, .failed, "interrupted: ailab quit during '\(open.text)'; the engine may still finish it")
    }
}
