import DockerClient
import Foundation
import Testing

/// The Containers screen in tmux against the private engine: every container `docker ps -a`
/// lists is on it, another project's among them, and `x` stops exactly the one selected.
extension StatusOnEngineTests {
    @Test func theContainersScreenListsEveryContainerAndStopsTheOneSelected() async throws {
        try await EngineLab.with { lab in
            try await lab.run("qdrant", .healthy)
            let otherProject = "\(lab.project)other"
            let other = try await lab.run("web", .noCheck, project: otherProject)
            _ = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy && $0.others.contains { $0.id == other } }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, width: 120, height: 40)
            #expect(tmux.waitFor { $0.contains("● qdrant") })
            tmux.send("8")
            #expect(tmux.waitFor { $0.contains("project \(otherProject)") && $0.contains("\(otherProject)-web-1") })

            // Every container the engine lists (`docker ps -a`), page by page.
            let names = Set(try await lab.client.listContainers(all: true).map(\.name))
            var seen = ""
            tmux.send("g")
            for _ in 0..<(names.count / 20 + 2) {
                usleep(300_000)
                seen += tmux.screen
                tmux.send("PageDown")
            }
            let missing = names.filter { !seen.contains(String($0.prefix(22))) }
            #expect(missing.isEmpty, "not on the Containers screen: \(missing.sorted())")

            // Select the other project's container through the filter, and stop it from the screen.
            tmux.send("/", otherProject, "Enter")
            #expect(tmux.waitFor { $0.contains("\(otherProject)-web-1") && !$0.contains("\(lab.project)-qdrant-1") })
            tmux.send("x")
            #expect(tmux.waitFor(40) { $0.contains("stop \(otherProject)-web-1: done") })
            let stopped = try await lab.client.inspectContainer(other)
            #expect(!stopped.state.running)
            #expect(tmux.waitFor { $0.contains("\(otherProject)-web-1") && $0.contains("stopped") })
            // The lab's own service was not touched.
            #expect(try await lab.client.inspectContainer(try #require(lab.snapshot { _ in true }.status(of: "qdrant")?.containers.first?.id)).state.running)
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") })
        }
    }
}
