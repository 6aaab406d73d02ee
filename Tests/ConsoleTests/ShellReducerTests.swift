import Canvas
import Console
import ConsoleViews
import DockerClient
import Foundation
import LabCatalog
import LabModel
import Testing

/// `e`: which container the shell opens in, the chooser of a multi-container service, and what
/// is said when there is nothing to open a shell in.
@Suite struct ShellReducerTests {
    /// The lab with langfuse running as two of its components.
    func state(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = try ConsoleFixtures.state(width: width, height: height)
        let containers = state.snapshot.services.flatMap(\.containers) + [ConsoleFixtures.container("langfuse"), ConsoleFixtures.container("langfuse-worker")]
        state.snapshot = LabSnapshot(catalog: state.snapshot.catalog, engine: state.snapshot.engine, containers: containers, takenAt: ConsoleFixtures.now)
        state.refreshFrame()
        return state
    }

    @Test func eOnAServiceOfOneRunningContainerOpensItsShell() throws {
        var state = try state()
        state.selected = "postgres"
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))) == [.openShell(containerID: "id-postgres", name: "ailab-postgres-1")])
    }

    @Test func aStoppedOrUninstalledServiceSaysWhyThereIsNoShell() throws {
        var state = try state()
        state.selected = "grafana"
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))).isEmpty)
        #expect(state.notice == "grafana is not running: start it (s) to open a shell in it")
        state.selected = "milvus"
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))).isEmpty)
        #expect(state.notice == "milvus is not installed: it has no container to open a shell in")
    }

    @Test func aServiceOfSeveralContainersAsksWhichAndOpensTheChosenOne() throws {
        var state = try state()
        state.selected = "langfuse"
        #expect(Reducer.reduce(&state, .input(.key(.char("e")))).isEmpty)
        #expect(state.shellChooser?.choices.map(\.label) == ["langfuse", "langfuse-worker"])
        // Keys go to the chooser while it is open: j moves, not the list.
        #expect(Reducer.reduce(&state, .input(.key(.char("j")))).isEmpty)
        #expect(state.shellChooser?.row == 1)
        #expect(Reducer.reduce(&state, .input(.key(.enter))) == [.openShell(containerID: "id-langfuse-worker", name: "ailab-langfuse-worker-1")])
        #expect(state.shellChooser == nil)
        // A number picks its row at once; Esc closes without a shell.
        _ = Reducer.reduce(&state, .input(.key(.char("e"))))
        #expect(Reducer.reduce(&state, .input(.key(.char("1")))) == [.openShell(containerID: "id-langfuse", name: "ailab-langfuse-1")])
        _ = Reducer.reduce(&state, .input(.key(.char("e"))))
        #expect(Reducer.reduce(&state, .input(.key(.escape))).isEmpty)
        #expect(state.shellChooser == nil)
    }

    @Test func thePaletteOpensAShellByName() throws {
        var state = try state()
        _ = Reducer.reduce(&state, .input(.key(.char(":"))))
        for character in "shell postgres" { _ = Reducer.reduce(&state, .input(.key(.char(character)))) }
        #expect(Reducer.reduce(&state, .input(.key(.enter))) == [.openShell(containerID: "id-postgres", name: "ailab-postgres-1")])
    }

    @Test func aRebindingFromTheFileIsWhatTheReducerAndTheHelpUse() throws {
        var state = try state()
        state.keys = try KeyMapFile.parse("quit = Q\n", path: "keys").get()
        #expect(Reducer.reduce(&state, .input(.key(.char("q")))).isEmpty)
        #expect(Reducer.reduce(&state, .input(.key(.char("Q")))) == [.quit])
        _ = Reducer.reduce(&state, .input(.key(.char("?"))))
        let help = ConsoleRenderer.render(state).text
        #expect(help.contains(try Regex(#" Q +quit \(Ctrl-C too\)"#)))
        #expect(!help.contains(try Regex(#" q +quit \(Ctrl-C too\)"#)))
        // The footer names the new key too.
        var wide = state
        wide.overlay = nil
        wide.width = 120
        wide.refreshFrame()
        #expect(ConsoleRenderer.render(wide).lines.last?.contains("? help  Q quit") == true, "\(ConsoleRenderer.render(wide).lines.last ?? "")")
        #expect(state.keys.relabel("i s x r", logs: false) == "i s x r")
        _ = Reducer.reduce(&state, .input(.key(.char("?"))))
        // q no longer quits from the help either: it closes it, as any other key.
        #expect(Reducer.reduce(&state, .input(.key(.char("q")))).isEmpty)
        #expect(state.overlay == nil)
    }
}
