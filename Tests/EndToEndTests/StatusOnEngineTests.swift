import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabLive
import TestSupport
import Testing

/// `ailab status` and the live lab against the private engine. Serialized: each test's lab is a
/// project of its own, but another project's containers may stand in for services it lacks.
@Suite(.serialized, .enabled(if: TestEngine.enabled))
struct StatusOnEngineTests {
    @Test func reportsEachLabContainerUnderItsServiceWithRealStateAndHealth() async throws {
        try await EngineLab.with { lab in
        let qdrantPort = freePort()
        try await lab.run("qdrant", .healthy, hostPort: qdrantPort)
        try await lab.run("litellm", .unhealthy)
        try await lab.run("n8n", .exits)
        try await lab.run("dify-api", .healthy)
        let stray = try await lab.client.createContainer(name: "stray-\(lab.project)", spec: ContainerSpec(image: "ailab-fixture/httpd:1"))
        lab.adopt(stray)

        let snapshot = try await lab.snapshot { snapshot in
            snapshot.status(of: "qdrant")?.health == .healthy && snapshot.status(of: "litellm")?.health == .unhealthy
                && snapshot.status(of: "n8n")?.state == .exited && snapshot.status(of: "dify")?.health == .healthy
        }
        #expect(snapshot.engine.reachable)
        let qdrant = try #require(snapshot.status(of: "qdrant"))
        #expect(qdrant.state == .running && qdrant.health == .healthy)
        #expect(qdrant.ports == [PublishedPort(host: qdrantPort, container: 8080, hostIP: "127.0.0.1")])
        #expect(qdrant.startedAt != nil)
        let litellm = try #require(snapshot.status(of: "litellm"))
        #expect(litellm.health == .unhealthy)
        #expect(litellm.failingCheck?.run.output.contains("404") == true)
        #expect(snapshot.status(of: "n8n")?.containers.first?.exitCode == 3)
        let dify = try #require(snapshot.status(of: "dify"))
        #expect(dify.containers.map(\.component) == ["dify-api"])
        #expect(dify.missingComponents.contains("dify-db"))
        #expect(snapshot.status(of: "chroma")?.state == .notInstalled)
        // Not installed: the catalog's declared port, loopback-only as a data store's is.
        #expect(snapshot.status(of: "chroma")?.ports == [PublishedPort(host: 8000, container: 8000, hostIP: "127.0.0.1")])
        #expect(snapshot.others.contains { $0.id == stray })

        // The same through the command line, as a script would read it.
        let result = try AilabBinary.run(["status", "--json", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
        #expect(result.status == 1, "an unhealthy service makes status exit 1: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let engine = try #require(json["engine"] as? [String: Any])
        #expect(engine["reachable"] as? Bool == true)
        #expect(engine["apiVersion"] as? String == "1.41")
        #expect(engine["endpoint"] as? String == TestEngine.host)
        let services = try #require(json["services"] as? [[String: Any]])
        #expect(services.count == 25)
        func service(_ name: String) -> [String: Any]? { services.first { $0["name"] as? String == name } }
        #expect(service("qdrant")?["state"] as? String == "running")
        #expect(service("qdrant")?["health"] as? String == "healthy")
        #expect(service("qdrant")?["layer"] as? String == "data")
        #expect(service("qdrant")?["phase"] as? Int == 1)
        let ports = try #require(service("qdrant")?["ports"] as? [[String: Any]])
        #expect(ports.first?["host"] as? Int == qdrantPort)
        #expect(ports.first?["container"] as? Int == 8080)
        #expect(ports.first?["protocol"] as? String == "tcp")
        #expect((service("qdrant")?["containers"] as? [[String: Any]])?.count == 1)
        #expect(service("litellm")?["health"] as? String == "unhealthy")
        #expect(service("n8n")?["state"] as? String == "exited")
        #expect(service("chroma")?["state"] as? String == "not-installed")
        #expect(service("chroma")?["health"] as? String == "none")
        #expect((service("chroma")?["ports"] as? [[String: Any]])?.first?["host"] as? Int == 8000)

        let table = try AilabBinary.run(["status", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
        #expect(table.stdout.contains("Data"))
        #expect(table.stdout.split(separator: "\n").contains { $0.contains("qdrant") && $0.contains("healthy") }, "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").contains { $0.contains("n8n") && $0.contains("crashed (exit 3)") }, "\(table.stdout)")
        #expect(table.stdout.contains("CONDITION") && table.stdout.contains("AGE"))
        }
    }

    @Test func anInstalledLabThatIsAllWellExitsZero() async throws {
        try await EngineLab.with { lab in
            try await lab.run("chroma", .healthy)
            _ = try await lab.snapshot { $0.status(of: "chroma")?.health == .healthy }
            let result = try AilabBinary.run(["status", "--catalog", lab.catalogPath, "--host", TestEngine.host!])
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        }
    }

    @Test func withTheEngineGoneStatusExitsTwoWithOneClearLine() throws {
        let result = try AilabBinary.run(["status"], environment: ["DOCKER_HOST": "unix:///tmp/ailab-gone-\(UUID()).sock"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("ailab: engine unreachable at unix:///tmp/ailab-gone-") == true)
        let json = try AilabBinary.run(["status", "--json", "--host", "tcp://127.0.0.1:1"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"reachable\" : false"))
    }

    @Test func theLiveLabFollowsEventsWithoutPolling() async throws {
        try await EngineLab.with { lab in
            let updates = LiveLab(client: lab.client, catalog: lab.catalog).updates()
            // First: the resync on connect.
            let first = try #require(await firstSnapshot(updates) { _ in true })
            #expect(first.engine.reachable)
            #expect(first.status(of: "qdrant")?.state == .notInstalled)

            let id = try await lab.run("qdrant", .healthy)
            #expect(await firstSnapshot(updates) { $0.status(of: "qdrant")?.health == .healthy } != nil)
            try await lab.client.killContainer(id)
            // The kill reaches a snapshot through the events stream (LiveLab does not poll); how
            // soon is the benchmark's figure (make bench), not a loaded machine's test.
            let exited = await firstSnapshot(updates, within: 30) { $0.status(of: "qdrant")?.state == .exited }
            #expect(exited != nil, "the kill never reached a snapshot")
        }
    }
}

/// The command line's answers that need no engine.
@Suite struct CommandLineTests {
    @Test func aBrokenCatalogExitsThreeNamingFileLineAndColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-bad-\(UUID().uuidString.prefix(8)).yaml").path
        try "services:\n  web:\n    image: x\n    x-ailab: {layer: frontend}\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try AilabBinary.run(["status", "--catalog", file, "--host", "unix:///tmp/none.sock"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(file):4:22: services.web.x-ailab.layer: unknown layer 'frontend'"), "\(result.stderr)")
    }
}


