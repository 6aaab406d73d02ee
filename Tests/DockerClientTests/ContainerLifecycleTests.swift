import DockerClient
import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: TestEngine.enabled))
struct ContainerLifecycleTests {
    @Test func negotiatesTheEngineAPIVersion() async throws {
        let client = try TestEngine.client()
        let version = try await client.version()
        #expect(APIVersion(version.apiVersion) != nil)
        #expect(try await client.apiVersion() == min(APIVersion(version.apiVersion)!, APIVersion.newestSupported))
    }

    @Test func createsStartsInspectsStopsAndRemoves() async throws {
        let client = try TestEngine.client()
        let name = TestEngine.uniqueName("life")
        let port = freePort()
        let id = try await client.createContainer(name: name, spec: TestEngine.httpdSpec(labels: ["ailab.test": name], hostPort: port))
        try await client.startContainer(id)
        try await client.startContainer(id)  // a second start is not an error (the engine's 304)
        #expect(try await waitFor(.seconds(15), every: .milliseconds(100)) { try await client.inspectContainer(id).state.health?.status == "healthy" })
        let listed = try await client.listContainers(filters: ["label": ["ailab.test=\(name)"]])
        #expect(listed.map(\.name) == [name])
        #expect(listed.first?.ports.contains { $0.publicPort == port && $0.privatePort == 8080 } == true)
        #expect(listed.first?.status.contains("(healthy)") == true)
        try await client.restartContainer(id, seconds: 0)
        #expect(try await client.inspectContainer(id).state.running)
        try await client.stopContainer(id, seconds: 0)
        let stopped = try await client.inspectContainer(id)
        #expect(!stopped.state.running && stopped.state.status == "exited")
        try await client.removeContainer(id)
        await #expect(throws: DockerError.self) { try await client.inspectContainer(id) }
    }

    @Test func reportsAFailingHealthcheckWithItsOutput() async throws {
        let client = try TestEngine.client()
        let id = try await client.createContainer(name: TestEngine.uniqueName("sick"), spec: TestEngine.httpdSpec(healthPath: "/missing"))
        try await client.startContainer(id)
        #expect(try await waitFor(.seconds(15), every: .milliseconds(100)) { try await client.inspectContainer(id).state.health?.status == "unhealthy" })
        let health = try #require(try await client.inspectContainer(id).state.health)
        #expect(health.failingStreak >= 1)
        #expect(health.log.last?.exitCode != 0)
        #expect(health.log.last?.output.contains("404") == true)
        try await client.removeContainer(id, force: true)
    }

    @Test func anExitingContainerLeavesItsCodeAndBothStreamsOfLogs() async throws {
        let client = try TestEngine.client()
        let id = try await client.createContainer(name: TestEngine.uniqueName("exits"), spec: ContainerSpec(image: "ailab-fixture/exits:1"))
        try await client.startContainer(id)
        #expect(try await waitFor(.seconds(15), every: .milliseconds(100)) { try await client.inspectContainer(id).state.status == "exited" })
        #expect(try await client.inspectContainer(id).state.exitCode == 3)
        var chunks: [LogChunk] = []
        for try await chunk in try await client.logs(id, LogQuery(timestamps: false)) { chunks.append(chunk) }
        #expect(chunks.contains { $0.stream == .stdout && $0.text == "to-stdout\n" })
        #expect(chunks.contains { $0.stream == .stderr && $0.text == "to-stderr\n" })
        try await client.removeContainer(id)
    }

    @Test func namesTheEnginesErrors() async throws {
        let client = try TestEngine.client()
        await #expect {
            try await client.inspectContainer("no-such-container-\(UUID())")
        } throws: { error in
            guard case DockerError.notFound(let message) = error else { return false }
            return message.contains("No such container")
        }
        let name = TestEngine.uniqueName("dup")
        let id = try await client.createContainer(name: name, spec: ContainerSpec(image: "ailab-fixture/httpd:1"))
        await #expect {
            try await client.createContainer(name: name, spec: ContainerSpec(image: "ailab-fixture/httpd:1"))
        } throws: { error in
            guard case DockerError.conflict(let message) = error else { return false }
            return message.contains("already in use")
        }
        await #expect {
            try await client.createContainer(name: nil, spec: ContainerSpec(image: "ailab-fixture/none:404"))
        } throws: { error in
            if case DockerError.notFound = error { return true }
            return false
        }
        try await client.removeContainer(id)
    }

    @Test func samplesStats() async throws {
        let client = try TestEngine.client()
        let id = try await client.createContainer(name: TestEngine.uniqueName("stats"), spec: TestEngine.httpdSpec(healthPath: nil))
        try await client.startContainer(id)
        let sample = try await client.stats(id)
        #expect(sample.memoryUsage > 0)
        var streamed = 0
        for try await next in try await client.streamStats(id) {
            streamed += 1
            if streamed == 2 {
                #expect(next.cpuPercent != nil)
                break
            }
        }
        try await client.removeContainer(id, force: true)
    }
}
