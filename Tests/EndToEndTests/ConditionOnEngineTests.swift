import DockerClient
import Foundation
import LabCatalog
import TestSupport
import Testing

/// One truth about every service, on a real engine: the same condition in `ailab status
/// --json`, `ailab roadmap --json`, and the console's Layers and Roadmap screens.
extension StatusOnEngineTests {
    @Test func everySurfaceSaysTheSameConditionOfEachService() async throws {
        try await EngineLab.with { lab in
            let chroma = try await lab.run("chroma", .noCheck)
            try await lab.client.stopContainer(chroma, seconds: 1)  // busybox ignores SIGTERM: killed after 1 s, exit 137
            try await lab.run("n8n", .exits)
            try await lab.run("flowise", .crashLoops)
            try await lab.run("grafana", .completes)
            // ollama has no Docker healthcheck: its probe (GET /api/version) is its health, and the fixture answers 404.
            try await lab.run("ollama", .noCheck, hostPort: freePort())
            try await lab.run("postgres", .healthy)
            let expected: [String: String] = [
                "chroma": "stopped", "n8n": "crashed", "flowise": "restarting", "grafana": "completed", "ollama": "unhealthy", "postgres": "healthy",
            ]
            let snapshot = try await lab.snapshot(within: 30) { snapshot in
                expected.allSatisfy { name, word in snapshot.status(of: name)?.condition.condition.rawValue == word }
            }
            for (name, word) in expected {
                #expect(snapshot.status(of: name)?.condition.condition.rawValue == word, "\(name): \(snapshot.status(of: name)?.condition.text ?? "-")")
            }
            #expect(snapshot.status(of: "n8n")?.condition.text == "crashed (exit 3)")
            #expect(snapshot.status(of: "ollama")?.condition.text.contains("404") == true)
            #expect(snapshot.status(of: "chroma")?.condition.since != nil)

            // status --json: condition, conditionSince, and exit 1 (a crash, a crash loop, an unhealthy probe).
            let status = try AilabBinary.run(["status", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(status.status == 1, "\(status.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            let services = try #require(json["services"] as? [[String: Any]])
            for (name, word) in expected where name != "flowise" {  // a crash loop may be caught running for a moment
                let service = services.first { $0["name"] as? String == name }
                #expect(service?["condition"] as? String == word, "status --json \(name)")
                #expect(service?["conditionSince"] is String, "status --json \(name) conditionSince")
            }
            let ollama = try #require(services.first { $0["name"] as? String == "ollama" })
            #expect((ollama["probe"] as? [String: Any])?["outcome"] as? String == "failed")

            // The roadmap says the same.
            let roadmap = try AilabBinary.run(["roadmap", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            let phases = try #require((try JSONSerialization.jsonObject(with: Data(roadmap.stdout.utf8)) as? [String: Any])?["phases"] as? [[String: Any]])
            let items = phases.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
            for (name, word) in expected where name != "flowise" && name != "postgres" {
                #expect(items.first { $0["service"] as? String == name }?["condition"] as? String == word, "roadmap --json \(name)")
            }

            // And the console, on the Layers screen and on the Roadmap screen.
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, width: 120, height: 40)
            #expect(tmux.waitFor(15) { $0.contains("○ chroma") && $0.contains("✗ n8n") && $0.contains("✓ grafana") && $0.contains("✗ ollama") && $0.contains("● postgres") },
                    "Layers:\n\(tmux.screen)")
            tmux.send("4")
            #expect(tmux.waitFor(15) { screen in
                screen.contains("stopped (exit 137)") && screen.contains("crashed (exit 3)") && screen.contains("completed")
                    && screen.split(separator: "\n").contains { $0.contains("ollama") && $0.contains("unhealthy (probe: GET /api/version") }
            }, "Roadmap:\n\(tmux.screen)")
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") })
        }
    }

    @Test func aServiceStoppedOnPurposeIsNotAFailure() async throws {
        try await EngineLab.with { lab in
            let id = try await lab.run("chroma", .noCheck)
            try await lab.run("qdrant", .healthy)
            try await lab.client.stopContainer(id, seconds: 1)
            let snapshot = try await lab.snapshot { $0.status(of: "chroma")?.condition.condition == .stopped }
            #expect(snapshot.status(of: "chroma")?.condition.text == "stopped (exit 137)")
            let result = try AilabBinary.run(["status", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(result.status == 0, "a stop someone asked for exits 0:\n\(result.stdout)")
            #expect(result.stdout.split(separator: "\n").contains { $0.contains("chroma") && $0.contains("stopped (exit 137)") }, "\(result.stdout)")
        }
    }
}
