import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabReport
import TestSupport
import Testing

/// NVML's compute process mapped to its container on the private engine: the stand-in library
/// reports the pid of a real fixture container's process, which must come back as ollama's.
extension StatusOnEngineTests {
    @Test func aGPUProcessIsMappedThroughItsCgroupToOllamasContainer() async throws {
        try await EngineLab.with { lab in
            let id = try await lab.run("ollama", .noCheck)
            let document = try JSONSerialization.jsonObject(with: Data(try await lab.client.inspectDocument(id))) as? [String: Any]
            let pid = try #require((document?["State"] as? [String: Any])?["Pid"] as? Int)
            #expect(pid > 0)
            let library = try NVMLStandIn.build()
            setenv("STANDIN_NVML_PID", String(pid), 1)
            defer { unsetenv("STANDIN_NVML_PID") }
            let reading = try #require(GPUReader(environment: ["AILAB_NVML_LIBRARY": library])).read()
            #expect(reading.processes.map(\.containerID) == [id])
            let snapshot = try await lab.snapshot { $0.status(of: "ollama")?.state == .running }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(StatusReport(snapshot, gpu: reading).json().utf8)) as? [String: Any])
            let services = try #require((json["gpu"] as? [String: Any])?["services"] as? [[String: Any]])
            let ollama = try #require(services.first { $0["service"] as? String == "ollama" })
            #expect(ollama["memoryBytes"] as? Int == 3 << 29)
            #expect(ollama["utilizationPercent"] as? Int == 37)
            #expect(ollama["devices"] as? [Int] == [0])
        }
    }

    /// Created → started → healthy from the engine's own times, for a fresh start-up.
    @Test func theTimelineOfAFreshStartUpComesFromTheEnginesTimes() async throws {
        try await EngineLab.with { lab in
            let before = Date().addingTimeInterval(-2)
            try await lab.run("qdrant", .healthy)
            try await lab.run("litellm", .noCheck)
            let snapshot = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy && $0.status(of: "litellm")?.state == .running }
            let timeline = StartupTimeline(snapshot)
            let entries = timeline.layers.flatMap(\.entries).filter { ["qdrant", "litellm"].contains($0.service) }
            #expect(entries.map(\.service).sorted() == ["litellm", "qdrant"])
            for entry in entries {
                let created = try #require(entry.created)
                #expect(created >= before && created <= entry.started)
                let healthy = try #require(entry.healthy, "\(entry.service) is up: it has a healthy time")
                #expect(healthy >= entry.started)
            }
            #expect(timeline.slowest != nil && (timeline.began ?? .distantFuture) >= before)
        }
    }
}
