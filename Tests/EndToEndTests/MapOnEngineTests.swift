import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
import TestSupport
import Testing

extension StatusOnEngineTests {
    /// On the private engine, through `ailab map --json`: an edge does not apply while its far
    /// end is absent, is reachable once installed and wired (the wire's environment and the
    /// config file read back from inspect's Env and Mounts), and broken when the far end stops.
    @Test func theMapReadsEachEdgesStateFromTheRunningContainers() async throws {
        let yaml = Slice().wiredPair(config: "scrape", at: "/etc/scrape.yml", content: #""targets: ['vectors:8080']""#)
        try await EngineLab.withProject(yaml: yaml) { lab in
            func edge() throws -> [String: Any] {
                let result = try lab.cli(["map", "--json"])
                #expect(result.status == 0, "\(result.stderr)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let edges = try #require(object["edges"] as? [[String: Any]])
                return try #require(edges.first { $0["from"] as? String == "chat" && $0["to"] as? String == "vectors" })
            }
            let (_, first, firstLog) = try await lab.act(ActionRequest(.install, ["chat"]))
            #expect(first == .done, "\(firstLog.text)")
            #expect(try edge()["state"] as? String == "not-applicable")

            let (_, second, secondLog) = try await lab.act(ActionRequest(.install, ["vectors"]))
            #expect(second == .done, "\(secondLog.text)")
            _ = try await lab.snapshot { $0.status(of: "vectors")?.condition.condition == .healthy }
            let wired = try edge()
            #expect(wired["state"] as? String == "reachable", "\(wired)")
            #expect(wired["evidence"] as? [String] == ["config /etc/scrape.yml", "env STORE"])

            let (_, stopped, stopLog) = try await lab.act(ActionRequest(.stop, ["vectors"]))
            #expect(stopped == .done, "\(stopLog.text)")
            let broken = try edge()
            #expect(broken["state"] as? String == "broken")
            #expect(broken["reason"] as? String == "vectors is stopped")
        }
    }
}

extension StatusOnEngineTests {
    /// The built-in catalog with fixture containers standing in for Open WebUI, Ollama and
    /// Qdrant (labelled as compose labels them, none of the catalog's settings): the map says
    /// which of its edges are broken and what each lacks, and those whose far end is absent do
    /// not apply. Exit 0 whatever the states.
    @Test func theBuiltInMapOnFixtureContainersNamesWhatEachEdgeLacks() async throws {
        try await EngineLab.with { lab in
            try await lab.run("open-webui", .healthy)
            try await lab.run("ollama", .healthy)
            try await lab.run("qdrant", .noCheck)
            _ = try await lab.snapshot { $0.status(of: "open-webui")?.condition.condition == .healthy && $0.status(of: "ollama")?.condition.condition == .healthy }
            let result = try AilabBinary.run(["map", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let edges = try #require(object["edges"] as? [[String: Any]])
            func edge(_ from: String, _ to: String) -> [String: Any]? { edges.first { $0["from"] as? String == from && $0["to"] as? String == to } }
            #expect(edge("open-webui", "ollama")?["state"] as? String == "broken")
            #expect(edge("open-webui", "ollama")?["missing"] as? [String] == ["env OLLAMA_BASE_URL"])
            #expect(edge("open-webui", "qdrant")?["missing"] as? [String] == ["env VECTOR_DB", "env QDRANT_URI"])
            #expect(edge("open-webui", "litellm")?["state"] as? String == "not-applicable")
            #expect(edge("traefik", "open-webui")?["reason"] as? String == "traefik is not installed")
            let text = try AilabBinary.run(["map", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(text.status == 0 && text.stdout.contains("open-webui   ollama"), "\(text.stdout)")
        }
    }
}
