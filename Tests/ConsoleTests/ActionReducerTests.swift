import Canvas
@testable import Console
@testable import DockerClient
import Foundation
import LabControl
import Testing

/// Actions in the reducer: plan, confirm (a purge twice), run, progress, cancel. No engine.
@Suite struct ActionReducerTests {
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .input(.key($0))) }
    }

    func servicesState(selecting service: String) throws -> AppState {
        var state = try ConsoleFixtures.state()
        state.screen = .services
        state.selected = service
        return state
    }

    func plan(_ state: AppState, _ request: ActionRequest) -> ActionPlan {
        ActionPlanner(snapshot: state.snapshot).plan(request)
    }

    @Test func installPlansThenShowsThePlanAndRunsOnlyOnYes() throws {
        var state = try servicesState(selecting: "langfuse")
        let request = ActionRequest(.install, ["langfuse"])
        #expect(press(&state, .char("i")) == [.planAction(request)])
        #expect(state.action?.stage == .planning)
        // One action at a time.
        #expect(press(&state, .char("s")).isEmpty)
        #expect(state.notice == "install langfuse is still being planned: C cancels it")

        let plan = plan(state, request)
        #expect(Reducer.reduce(&state, .actionPlanned(plan)).isEmpty)
        #expect(state.action?.stage == .confirming(index: 0))
        // LiteLLM (installed) traces to Langfuse once it is there: the plan's one question says so.
        #expect(state.action?.questions == ["litellm is wired to langfuse: recreate litellm so it uses langfuse? (its volumes are kept)"])
        // Keys other than yes and no do nothing while asked: no stray action, no quit.
        #expect(press(&state, .char("x"), .char("2")).isEmpty)
        #expect(state.action?.stage == .confirming(index: 0))
        #expect(press(&state, .char("y")) == [.runAction(plan)])
        #expect(state.action?.stage == .running)
    }

    @Test func noAndEscapeChangeNothing() throws {
        var state = try servicesState(selecting: "langfuse")
        let request = ActionRequest(.install, ["langfuse"])
        _ = press(&state, .char("i"))
        _ = Reducer.reduce(&state, .actionPlanned(plan(state, request)))
        #expect(press(&state, .escape).isEmpty)
        #expect(state.action == nil)
        #expect(state.notice == "install langfuse: not confirmed; nothing was changed")
    }

    @Test func aPurgeIsAskedTwice() throws {
        var state = try servicesState(selecting: "qdrant")
        #expect(press(&state, .char("P")) == [.planAction(ActionRequest(.remove, ["qdrant"], purge: true))])
        let plan = plan(state, ActionRequest(.remove, ["qdrant"], purge: true))
        #expect(plan.isPurge)
        _ = Reducer.reduce(&state, .actionPlanned(plan))
        #expect(state.action?.questions.count == 2)
        #expect(press(&state, .char("y")).isEmpty)
        #expect(state.action?.stage == .confirming(index: 1))
        #expect(press(&state, .enter) == [.runAction(plan)])
    }

    @Test func aRefusedPlanIsShownUntilAKey() throws {
        var state = try servicesState(selecting: "langfuse")
        _ = press(&state, .char("i"))
        var refused = plan(state, ActionRequest(.install, ["langfuse"]))
        refused.refusals = ["host port 3001/tcp for langfuse is taken: a host process listens on it"]
        _ = Reducer.reduce(&state, .actionPlanned(refused))
        #expect(state.action?.stage == .refused)
        #expect(press(&state, .char("q")).isEmpty)  // closes the reasons; does not quit
        #expect(state.action == nil)
    }

    @Test func nothingToDoIsSaidInTheFooter() throws {
        var state = try servicesState(selecting: "postgres")
        _ = press(&state, .char("i"))
        _ = Reducer.reduce(&state, .actionPlanned(plan(state, ActionRequest(.install, ["postgres"]))))
        #expect(state.action == nil)
        #expect(state.notice == "postgres: already installed and running; nothing to do")
    }

    @Test func stepsMoveTheBarAndTheLogThenTheResultIsSaid() throws {
        var state = try servicesState(selecting: "qdrant")
        _ = press(&state, .char("r"))
        let plan = plan(state, ActionRequest(.restart, ["qdrant"]))
        #expect(Reducer.reduce(&state, .actionPlanned(plan)) == [.runAction(plan)])  // nothing to ask
        _ = Reducer.reduce(&state, .actionStep(ActionEvent(action: .restart, service: "qdrant", outcome: .started, text: "pull qdrant/qdrant:v1")))
        var pull = PullStatus(image: "qdrant/qdrant:v1")
        pull.apply(PullProgress(status: "Downloading", id: "l1", current: 5, total: 10))
        _ = Reducer.reduce(&state, .actionStep(ActionEvent(action: .restart, service: "qdrant", outcome: .progress, text: pull.summary, pull: pull)))
        #expect(state.action?.step == "pull qdrant/qdrant:v1")
        #expect(state.action?.pull?.downloaded == 5)
        _ = Reducer.reduce(&state, .actionStep(ActionEvent(action: .restart, service: "qdrant", outcome: .done, text: "pulled")))
        #expect(state.action?.pull == nil)
        #expect(state.actionLog.map(\.outcome) == [.started, .done])  // progress is not logged
        _ = Reducer.reduce(&state, .actionFinished(.failed("qdrant-1 became unhealthy\nlast log lines:")))
        #expect(state.action == nil)
        #expect(state.notice == "restart qdrant failed: qdrant-1 became unhealthy · a shows the log")
        _ = press(&state, .char("a"))
        #expect(state.overlay == .actionLog)
    }

    @Test func cancelStopsTheRunAndAPlanArrivingAfterACancelIsDropped() throws {
        var state = try servicesState(selecting: "qdrant")
        _ = press(&state, .char("i"))
        #expect(press(&state, .char("C")) == [.cancelAction])
        #expect(state.action?.stage == .cancelling)
        _ = Reducer.reduce(&state, .actionPlanned(plan(state, ActionRequest(.install, ["qdrant"]))))
        #expect(state.action == nil)
        #expect(state.notice == "install qdrant: cancelled; nothing was changed")
        #expect(press(&state, .char("C")).isEmpty)
        #expect(state.notice == "no action is running")
    }
}
