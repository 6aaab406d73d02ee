import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// Actions in the console: a key plans, the plan is shown and confirmed where it destroys
/// (a purge twice), then it runs in the background while the console stays live.
extension Reducer {
    static func startAction(_ state: inout AppState, _ kind: ActionKind, purge: Bool = false) -> [Effect] {
        guard let service = targetService(state) else {
            state.notice = "select a service first"
            return []
        }
        return begin(&state, ActionRequest(kind, [service], purge: purge))
    }

    /// Plans `request` (a service's or one container's action) unless another is in hand.
    static func begin(_ state: inout AppState, _ request: ActionRequest) -> [Effect] {
        if let busy = state.action {
            state.notice = "\(busy.title) is still \(busy.stage == .planning ? "being planned" : "running"): C cancels it"
            return []
        }
        state.action = ActionState(request: request)
        return [.planAction(request)]
    }

    static func planned(_ state: inout AppState, _ plan: ActionPlan) -> [Effect] {
        guard var action = state.action, action.request == plan.request else { return [] }
        guard action.stage == .planning else {
            // Cancelled while it was being planned: nothing ran, nothing to show.
            state.action = nil
            state.notice = "\(action.title): cancelled; nothing was changed"
            return []
        }
        action.plan = plan
        if !plan.refusals.isEmpty {
            action.stage = .refused
            state.action = action
            return []
        }
        guard plan.changesSomething else {
            state.action = nil
            state.notice = plan.entries.filter { plan.request.targets.contains($0.service) }.map(\.summary).joined(separator: " · ")
            return []
        }
        action.questions = ActionState.questions(for: plan)
        if action.questions.isEmpty {
            action.stage = .running
            state.action = action
            return [.runAction(plan)]
        }
        action.stage = .confirming(index: 0)
        state.action = action
        return []
    }

    /// Keys while the dialog is up: y or Enter answers yes; n, Esc or q no. Nothing else passes.
    static func answer(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var action = state.action, let plan = action.plan else { return [] }
        if action.stage == .refused {
            state.action = nil  // any key closes the reasons
            return []
        }
        guard case .confirming(let index) = action.stage else { return [] }
        switch key {
        case .char("y"), .char("Y"), .enter:
            if index + 1 < action.questions.count {
                action.stage = .confirming(index: index + 1)
                state.action = action
                return []
            }
            action.stage = .running
            state.action = action
            return [.runAction(plan)]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.action = nil
            state.notice = "\(action.title): not confirmed; nothing was changed"
            return []
        default:
            return []
        }
    }

    static func cancelAction(_ state: inout AppState) -> [Effect] {
        guard var action = state.action else {
            state.notice = "no action is running"
            return []
        }
        switch action.stage {
        case .running, .planning:
            action.stage = .cancelling
            state.action = action
            return [.cancelAction]
        case .confirming, .refused:
            state.action = nil
            return []
        case .cancelling:
            return []
        }
    }

    static func recordStep(_ state: inout AppState, _ event: ActionEvent) {
        guard event.outcome != .progress else {
            state.action?.pull = event.pull  // the step ("pull IMAGE") stays; the bar moves
            return
        }
        state.action?.step = event.text.split(separator: "\n").first.map(String.init)
        state.action?.pull = nil
        state.actionLog.append(event)
        if state.actionLog.count > AppState.actionLogLimit { state.actionLog.removeFirst(state.actionLog.count - AppState.actionLogLimit) }
    }

    static func finished(_ state: inout AppState, _ result: ActionResult) {
        let title = state.action?.title ?? "the action"
        state.action = nil
        switch result {
        case .done: state.notice = "\(title): done"
        case .cancelled: state.notice = "\(title): cancelled · a shows the log"
        case .failed(let message), .unreachable(let message):
            state.notice = "\(title) failed: \(message.split(separator: "\n").first ?? "") · a shows the log"
        }
    }

    static func unavailable(_ state: inout AppState, _ message: String) {
        let title = state.action?.title ?? "the action"
        state.action = nil
        state.notice = "\(title): \(message)"
    }
}
