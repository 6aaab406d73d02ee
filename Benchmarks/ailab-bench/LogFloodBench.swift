import Console
import ConsoleEffects
import DockerClient
import Foundation
import LabCatalog
import LabControl
import LabModel
import LabRoadmap

/// A container printing as fast as it can (`yes` with a 100-byte line) followed the way the
/// console's Logs screen follows it: DockerClient → EngineStream → EffectRunner → Inbox, the
/// inbox drained once a frame (40 ms) like the UI loop. The row is how much this process's
/// memory grew while following: flat means the flood waits at the engine's socket.
enum LogFloodBench {
    static let seconds = 5.0

    static func row(_ client: DockerClient, work: String) async throws -> Row {
        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
        spec.entrypoint = ["busybox", "yes"]  // the fixture links only a few applets; busybox has `yes`
        spec.cmd = [String(repeating: "x", count: 68)]
        let id = try await client.createContainer(name: "\(BenchLab.project)-log-flood", spec: spec)
        do {
            try await client.startContainer(id)
            let row = try await follow(id, client, work: work)
            try? await client.removeContainer(id, force: true)
            return row
        } catch {
            try? await client.removeContainer(id, force: true)
            throw error
        }
    }

    private static func follow(_ id: String, _ client: DockerClient, work: String) async throws -> Row {

        let inbox = Inbox(wake: {})
        let catalog = try Catalog.builtIn()
        let runner = EffectRunner(
            engine: DockerEffectEngine(client: client), inbox: inbox, roadmap: RoadmapRunner(store: StateStore(directory: work + "/flood-state")),
            actions: LabActions(client: client, catalog: catalog, stateDirectory: work + "/flood-state"), masker: SecretMasker(store: nil))
        let snapshot = LabSnapshot(catalog: catalog, engine: .connecting(client.endpoint), containers: [])
        let before = residentMegabytes()
        var most = before, lines = 0
        runner.perform(.followLogs(service: "flood", containers: [ContainerRef(id: id, name: "log-flood")], window: .recent), snapshot: snapshot)
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(40))
            for case .logLines(let batch) in inbox.drain() { lines += batch.count }
            most = max(most, residentMegabytes())
        }
        runner.stopAll()
        let growth = most - before
        return Row(
            measure: "log flood (yes, 100-byte lines) followed \(Int(seconds)) s: memory growth",
            value: String(format: "%.1f MB (%.0f lines/s shown)", growth, Double(lines) / seconds),
            target: "≤ 16 MB", met: growth <= 16)
    }

    /// This process's resident set, from /proc/self/statm (pages).
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
