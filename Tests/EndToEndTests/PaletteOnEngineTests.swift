import DockerClient
import LabModel
import Foundation
import Testing

/// Issue 15's "done when", as a person meets it in tmux over the private engine: `:restart
/// qdrant` from the palette restarts the container, and a service burning CPU draws a
/// sparkline that grows as the engine's stats arrive.
extension StatusOnEngineTests {
    @Test func thePaletteRestartsQdrantAndACPUBurnersSparklineMoves() async throws {
        try await EngineLab.with { lab in
            let qdrant = try await lab.run("qdrant", .healthy)
            // litellm's stand-in spins in a loop: one core's worth of CPU for the stats stream.
            var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
            spec.cmd = ["sh", "-c", "while :; do :; done"]
            spec.labels = [
                ComposeLabel.project: lab.project, ComposeLabel.service: "litellm",
                ComposeLabel.containerNumber: "1", ComposeLabel.oneoff: "False",
            ]
            let burner = try await lab.client.createContainer(name: "\(lab.project)-litellm-1", spec: spec)
            lab.adopt(burner)
            try await lab.client.startContainer(burner)
            _ = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy && $0.status(of: "litellm")?.state == .running }
            let startedBefore = try await lab.client.inspectContainer(qdrant).state.startedAt

            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, width: 120, height: 40)
            tmux.send("2")
            #expect(tmux.waitFor { $0.contains("CONDITION") && $0.contains("litellm") })
            // The sparkline is the run of block glyphs on litellm's row; it grows a glyph a sample.
            let spark = { (screen: String) -> String in
                let row = screen.split(separator: "\n").first { $0.contains("litellm") } ?? ""
                return String(row.filter { "▁▂▃▄▅▆▇█".contains($0) })
            }
            #expect(tmux.waitFor(20) { spark($0).count >= 2 }, "no sparkline on litellm's row:\n\(tmux.screen)")
            let first = spark(tmux.screen)
            #expect(tmux.waitFor(20) { spark($0) != first && spark($0).count > first.count }, "the sparkline did not move from \(first):\n\(tmux.screen)")
            #expect(spark(tmux.screen).contains { "▅▆▇█".contains($0) }, "a burning core should draw tall glyphs: \(spark(tmux.screen))")

            tmux.send(":")
            tmux.send("restart qdrant", "Enter")
            #expect(tmux.waitFor(30) { $0.contains("restart qdrant: done") || $0.contains("Run this plan?") }, "no restart:\n\(tmux.screen)")
            if tmux.screen.contains("Run this plan?") { tmux.send("y") }
            #expect(tmux.waitFor(30) { $0.contains("restart qdrant: done") }, "the restart did not finish:\n\(tmux.screen)")
            let startedAfter = try await lab.client.inspectContainer(qdrant).state.startedAt
            #expect(startedAfter != startedBefore, "qdrant was not restarted (StartedAt \(startedBefore))")
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") })
        }
    }
}
