import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabLive
import Testing

extension StatusOnEngineTests {
    /// On the private engine: a config file is written and mounted before the container starts
    /// (its healthcheck reads it), a wire stays off while its other end is absent, and
    /// installing that end recreates the wired service with the wire's environment.
    @Test func wiresAndConfigFilesReachTheRunningContainers() async throws {
        let chat = """
                environment: {STORE: local}
                healthcheck: {test: ["CMD", "cat", "/etc/greeting.txt"], interval: 1s, timeout: 2s, retries: 2}

            """
        let yaml = Slice().wiredPair(chat: chat, config: "greeting", at: "/etc/greeting.txt", content: #""hello from the catalog""#)
        try await EngineLab.withProject(yaml: yaml) { lab in
            let (_, first, firstLog) = try await lab.act(ActionRequest(.install, ["chat"]))
            #expect(first == .done, "\(firstLog.text)")
            let alone = try await lab.client.inspectContainer("\(lab.project)-chat-1")
            #expect(alone.config.env.contains("STORE=local"))
            #expect(alone.state.health?.status == "healthy", "cat did not find the mounted config file")
            let written = lab.stateDirectory + "/configs/\(lab.project)/greeting"
            #expect(try String(contentsOfFile: written, encoding: .utf8) == "hello from the catalog")

            let (plan, second, secondLog) = try await lab.act(ActionRequest(.install, ["vectors"]))
            #expect(plan.entries.map(\.summary) == ["install vectors", "recreate chat (drifted from the catalog; volumes kept), wired to vectors"])
            #expect(plan.questions == ["chat is wired to vectors: recreate chat so it uses vectors? (its volumes are kept)"])
            #expect(second == .done, "\(secondLog.text)")
            let wired = try await lab.client.inspectContainer("\(lab.project)-chat-1")
            #expect(wired.id != alone.id)
            #expect(wired.config.env.contains("STORE=http://vectors:8080"))
            let snapshot = try await SnapshotLoader(client: lab.client, catalog: lab.catalog).current()
            #expect(snapshot.status(of: "chat")?.isDrifted == false)
        }
    }
}
