import Canvas
@testable import Console
import Foundation
import Testing

/// The command palette: names, unique prefixes, completion, and what Enter does.
@Suite struct PaletteTests {
    let services = ["qdrant", "litellm", "langfuse", "loki", "ollama"]

    @Test func linesParseToCommandsOnServices() {
        #expect(Palette.parse("restart litellm", services: services) == .run(.act(.restart), service: "litellm"))
        #expect(Palette.parse("logs qd", services: services) == .run(.logs, service: "qdrant"))
        #expect(Palette.parse("services", services: services) == .run(.goTo(.services), service: nil))
        #expect(Palette.parse("ro", services: services) == .run(.goTo(.roadmap), service: nil))
        #expect(Palette.parse("q", services: services) == .run(.quit, service: nil))
        #expect(Palette.parse("s qdrant", services: services) == .problem("'s' could be services, shell, start, stop"))
        #expect(Palette.parse("restart l", services: services) == .problem("'l' could be litellm, langfuse, loki"))
        #expect(Palette.parse("restart", services: services) == .problem("restart which service? (:restart NAME)"))
        #expect(Palette.parse("frobnicate", services: services) == .problem("no command 'frobnicate' (:help lists the keys)"))
        #expect(Palette.parse("stop nothing", services: services) == .problem("no service 'nothing'"))
    }

    @Test func tabCompletesAsFarAsTheCandidatesAgree() {
        #expect(Palette.complete("rest", services: services) == ("restart ", ["restart"]))
        #expect(Palette.complete("restart l", services: services) == ("restart l", ["litellm", "langfuse", "loki"]))
        #expect(Palette.complete("restart li", services: services) == ("restart litellm ", ["litellm"]))
        #expect(Palette.complete("st", services: services) == ("st", ["start", "stop"]))
        #expect(Palette.complete("logs ", services: services).candidates == services)
    }

    @Test func colonOpensItAndEnterRunsTheCommandOnTheNamedService() throws {
        var state = try ConsoleFixtures.state()
        func press(_ keys: Key...) -> [Effect] { keys.flatMap { Reducer.reduce(&state, .input(.key($0))) } }
        _ = press(.char(":"))
        #expect(state.palette == "")
        _ = press(.char("r"), .char("e"), .char("s"), .tab)
        #expect(state.palette == "restart ")
        _ = press(.char("q"), .char("d"), .tab)
        #expect(state.palette == "restart qdrant ")
        let effects = press(.enter)
        #expect(state.palette == nil)
        #expect(state.selected == "qdrant")
        #expect(effects.contains { if case .planAction(let request) = $0 { request.kind == .restart && request.targets == ["qdrant"] } else { false } })
        _ = press(.char(":"), .char("n"), .char("o"), .enter)
        #expect(state.notice == ":no: no command 'no' (:help lists the keys)")
        _ = press(.char(":"), .char("x"), .escape)
        #expect(state.palette == nil && state.screen == .layers)
        _ = press(.char(":"), .char("l"), .char("o"), .char("g"), .char("s"), .char(" "), .char("l"), .char("i"), .enter)
        #expect(state.overlay == .logs && state.logs.service == "litellm")
    }
}
