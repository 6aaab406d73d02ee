import LabControl

/// The action in hand: being planned, waiting for answers, or running. One at a time.
public struct ActionState: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        /// The engine is being read and the plan worked out.
        case planning
        /// Showing the plan and asking `questions[index]`.
        case confirming(index: Int)
        /// The plan may not run: shown with its reasons until a key is pressed.
        case refused
        case running
        /// Cancel asked; the runner stops at its next step (a pull at once).
        case cancelling
    }

    public var request: ActionRequest
    public var stage: Stage = .planning
    public var plan: ActionPlan?
    /// What the dialog asks, in order; a purge's last question is asked a second time.
    public var questions: [String] = []
    /// The latest step, for the action bar.
    public var step: String?
    public var pull: PullStatus?

    public init(request: ActionRequest) { self.request = request }

    /// "install app", "remove qdrant --purge"
    public var title: String {
        "\(request.kind.rawValue) \(request.targets.joined(separator: " "))\(request.purge ? " --purge" : "")"
    }

    /// The questions a plan needs answered in the console. An install shows its plan and asks
    /// before it runs; a purge is asked twice, the second time on its own.
    public static func questions(for plan: ActionPlan) -> [String] {
        var questions = plan.questions
        if questions.isEmpty, plan.request.kind == .install { questions.append("Run this plan?") }
        if plan.isPurge { questions.append("Really delete the volumes? This cannot be undone.") }
        return questions
    }

    public var isBusy: Bool { stage == .running || stage == .cancelling || stage == .planning }
}
