import Foundation
import TestSupport
import Testing

/// The same fixture lab driven from the console in tmux: `E` on the Exposure screen asks the
/// plan's question, `y` writes the route and ingress, the row turns protected, `U` takes it back.
extension ExposeOnEngineTests {
    @Test func theConsoleExposesWithEAfterItsQuestionAndUTakesItBack() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await EngineLab.withProject(yaml: Self.yaml(folder)) { lab in
            try await Self.standIns(&lab)
            let before = Self.files(folder)
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("console-expose-\(lab.project)").path
            defer { try? FileManager.default.removeItem(atPath: state) }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = StatusOnEngineTests.launch(tmux, lab: lab, environment: "TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(state)", width: 120, height: 30)
            #expect(tmux.waitFor { $0.contains("Public access") }, "\(tmux.screen)")
            tmux.send("6")
            #expect(tmux.waitFor { $0.contains("VERDICT") && $0.contains("open-webui") }, "\(tmux.screen)")
            tmux.send("G")
            tmux.send("E")
            #expect(tmux.waitFor(15) { $0.contains("expose open-webui --via cloudflared") && $0.contains("y yes · n no") }, "\(tmux.screen)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/dynamic/ailab-expose-open-webui.yml"), "nothing is written before the answer")
            tmux.send("y")
            #expect(tmux.waitFor(15) { $0.contains("expose open-webui: done") }, "\(tmux.screen)")
            #expect(FileManager.default.fileExists(atPath: folder + "/dynamic/ailab-expose-open-webui.yml"))
            #expect(try String(contentsOfFile: folder + "/cloudflared/config.yml", encoding: .utf8).contains("- hostname: open-webui.example.test"))
            #expect(tmux.waitFor(10) { $0.split(separator: "\n").contains { $0.contains("open-webui") && $0.contains("protected") } }, "\(tmux.screen)")
            tmux.send("U")
            #expect(tmux.waitFor(15) { $0.contains("unexpose open-webui: done") }, "\(tmux.screen)")
            #expect(Self.files(folder) == before, "U leaves every file as it was")
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") }, "\(tmux.screen)")
        }
    }
}
