import Canvas
import Console
import ConsoleViews
import XCTest

/// The shell chooser (`e` on a service of several running containers) at 80x24, and in 1x1,
/// 0x0 and other tiny buffers without trapping.
final class ShellChooserSnapshotTests: XCTestCase {
    func chooserState(glyphs: Glyphs = .unicode) throws -> AppState {
        var state = try ConsoleFixtures.state(glyphs: glyphs)
        state.selected = "langfuse"
        var chooser = ShellChooser(service: "langfuse", choices: [
            (ContainerRef(id: "id-langfuse", name: "ailab-langfuse-1"), "langfuse"),
            (ContainerRef(id: "id-langfuse-worker", name: "ailab-langfuse-worker-1"), "langfuse-worker"),
            (ContainerRef(id: "id-langfuse-redis", name: "ailab-langfuse-redis-1"), "langfuse-redis"),
        ])
        chooser.row = 1
        state.shellChooser = chooser
        state.refreshFrame()
        return state
    }

    func testChooserAt80x24() throws {
        SnapshotAssert.matches(ConsoleRenderer.render(try chooserState()).text, named: "shell-chooser-80x24")
        SnapshotAssert.matches(ConsoleRenderer.render(try chooserState(glyphs: .ascii)).text, named: "shell-chooser-80x24-ascii")
    }

    func testChooserInTinyBuffers() throws {
        for (width, height) in [(1, 1), (0, 0), (2, 1), (10, 5), (12, 4), (30, 6)] {
            var state = try chooserState()
            state.width = width
            state.height = height
            state.refreshFrame()
            XCTAssertEqual(ConsoleRenderer.render(state).lines.count, height)
        }
    }
}
