import Canvas

/// `E` and `U` on the Exposure screen: expose plans first and asks the plan's one question in a
/// dialog (what becomes reachable, from where), as the other actions do; unexpose only takes
/// back, so it runs at once. The writing happens in the effect runner.
extension Reducer {
    static func startExpose(_ state: inout AppState, _ expose: Bool) -> [Effect] {
        guard let service = targetService(state) else {
            state.notice = "select a service first"
            return []
        }
        state.selected = service
        state.notice = expose ? "expose \(service): planning…" : "unexpose \(service): taking it back…"
        return [expose ? .planExpose(service: service) : .unexpose(service: service)]
    }

    /// Keys while the question is up: y or Enter writes the plan; n, Esc or q changes nothing.
    static func answerExpose(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let plan = state.exposeDialog else { return [] }
        switch key {
        case .char("y"), .char("Y"), .enter:
            state.exposeDialog = nil
            state.notice = "expose \(plan.service): writing…"
            return [.applyExpose(plan)]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.exposeDialog = nil
            state.notice = "expose \(plan.service): not confirmed; nothing was changed"
            return []
        default:
            return []
        }
    }
}
