import DockerClient
import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: TestEngine.enabled))
struct EngineStreamsTests {
    @Test func followsEventsWithServerSideFiltersAndNoExecNoise() async throws {
        let client = try TestEngine.client()
        let name = TestEngine.uniqueName("events")
        let events = try await client.events(EventQuery(labels: ["ailab.test=\(name)"]))
        let id = try await client.createContainer(name: name, spec: TestEngine.httpdSpec(labels: ["ailab.test": name]))
        try await client.startContainer(id)
        var seen: [String] = []
        for try await event in events {
            #expect(event.actorID == id)
            seen.append(event.action)
            if event.healthStatus == "healthy" { break }
        }
        #expect(seen.starts(with: ["create", "start"]))
        #expect(!seen.contains { $0.hasPrefix("exec_") })
        #expect(seen.last == "health_status: healthy")
        try await client.removeContainer(id, force: true)
    }

    @Test func replaysEventsSinceATime() async throws {
        let client = try TestEngine.client()
        let name = TestEngine.uniqueName("since")
        let before = String(format: "%.9f", Date().timeIntervalSince1970 - 1)
        let id = try await client.createContainer(name: name, spec: ContainerSpec(image: "ailab-fixture/httpd:1"))
        try await client.removeContainer(id)
        // Subscribing after the fact with `since` still delivers both, as a reconnect must.
        var actions: [String] = []
        for try await event in try await client.events(EventQuery(actions: ["create", "destroy"], since: before)) where event.actorID == id {
            actions.append(event.action)
            if event.action == "destroy" { break }
        }
        #expect(actions == ["create", "destroy"])
    }

    @Test func managesNetworksAndVolumes() async throws {
        let client = try TestEngine.client()
        let name = TestEngine.uniqueName("res")
        _ = try await client.createNetwork(name: name, labels: ["ailab.test": name])
        #expect(try await client.listNetworks(filters: ["name": [name]]).map(\.name) == [name])
        try await client.createVolume(name: name, labels: ["ailab.test": name])
        try await client.createVolume(name: name)  // creating an existing volume is not an error
        #expect(try await client.listVolumes(filters: ["name": [name]]).map(\.name) == [name])
        try await client.removeNetwork(name)
        try await client.removeVolume(name)
        #expect(try await client.listVolumes(filters: ["name": [name]]).isEmpty)
        await #expect(throws: DockerError.self) { try await client.removeNetwork(name) }
    }

    @Test(.enabled(if: TestEngine.registry != nil))
    func pullsFromARealRegistryWithProgressAndReportsAMissingTag() async throws {
        let client = try TestEngine.client(timeout: .seconds(30))
        let registry = try #require(TestEngine.registry)
        let reference = "\(registry)/ailab-fixture/payload:1"
        try? await client.removeImage(reference, force: true)
        #expect(try await !client.hasImage(reference))
        var lines: [PullProgress] = []
        for try await line in try await client.pull(reference) { lines.append(line) }
        #expect(lines.contains { $0.status?.hasPrefix("Pulling from") == true })
        #expect(lines.contains { ($0.total ?? 0) > 0 })
        #expect(try await client.hasImage(reference))
        #expect(try await client.listImages().contains { $0.repoTags.contains(reference) })
        await #expect {
            for try await _ in try await client.pull("\(registry)/ailab-fixture/httpd:no-such-tag") {}
        } throws: { error in
            // The registry's own words reach the caller.
            switch error {
            case DockerError.notFound(let message), DockerError.engine(_, let message): return message.contains("manifest unknown")
            default: return false
            }
        }
        try await client.removeImage(reference, force: true)
    }
}
