import Canvas
@testable import Console
import Foundation
import Testing
import LabReport

/// `I`: a container's inspect document, masked, scrolled, searched, one container after another.
@Suite struct InspectTests {
    @Test func theDocumentIsPrettyWithSecretLookingValuesMasked() {
        let body = #"{"Id":"abc","Config":{"Env":["PATH=/bin","DB_PASSWORD=hunter2","LITELLM_MASTER_KEY=sk-1"],"Image":"x"}}"#
        let lines = InspectDocument.lines(Array(body.utf8), masker: nil)
        #expect(lines.first == "{")
        #expect(lines.contains { $0.contains("\"PATH=/bin\"") })
        #expect(lines.contains { $0.contains("\"DB_PASSWORD=••••••••\"") })
        #expect(lines.contains { $0.contains("\"LITELLM_MASTER_KEY=••••••••\"") })
        #expect(!lines.joined().contains("hunter2"))
        #expect(lines.firstIndex { $0.contains("\"Config\"") }! < lines.firstIndex { $0.contains("\"Id\"") }!)  // sorted keys
        #expect(InspectDocument.lines(Array("not json".utf8), masker: nil) == ["(the engine's answer is not JSON: 8 bytes)"])
    }

    @Test func iOpensItAndItScrollsSearchesAndMovesToTheNextContainer() throws {
        var state = try ConsoleFixtures.state()
        state.selected = "litellm"
        func press(_ keys: Key...) -> [Effect] { keys.flatMap { Reducer.reduce(&state, .input(.key($0))) } }
        #expect(press(.char("I")) == [.fetchInspect(ContainerRef(id: "id-litellm", name: "ailab-litellm-1"))])
        #expect(state.overlay == .inspect)
        let lines = (0..<100).map { "line \($0)" } + ["  \"Healthcheck\": {"]
        _ = Reducer.reduce(&state, .inspectDocument(containerID: "id-litellm", lines: lines))
        #expect(state.inspect.lines.count == 101)
        _ = press(.char("j"), .char("j"))
        #expect(state.inspect.scroll == 2)
        _ = press(.char("G"))
        #expect(state.inspect.scroll == 101 - (state.frame.screenArea.height - 2))
        _ = press(.char("g"), .char("/"), .char("h"), .char("e"), .char("a"), .char("l"), .enter)
        #expect(state.inspect.scroll == 100)
        _ = press(.char("/"), .char("z"), .char("z"), .enter)
        #expect(state.inspect.message == "no match for 'zz'")
        // Another document arriving late for a container no longer shown changes nothing.
        _ = Reducer.reduce(&state, .inspectDocument(containerID: "id-other", lines: ["x"]))
        #expect(state.inspect.lines.count == 101)
        _ = press(.escape)
        #expect(state.overlay == nil)
        state.selected = "weaviate"
        #expect(press(.char("I")).isEmpty)
        #expect(state.notice == "weaviate is not installed: it has no container to inspect")
    }
}
