import DockerClient
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// 200 real containers on the private engine (issue 17, item 4): the bench lab's 20 plus 180
/// of another compose project, all from the fixture image and running, then the console's
/// first frame and `ailab status` against `docker ps -a`, idle cost, CPU per event drawn and
/// its peak memory. The others are removed after, whatever happened.
struct ScaleBench {
    static let project = "ailab-bench-other"
    let client: DockerClient
    let ailab: String
    let host: String
    let environment: [String: String]
    let runs: Int
    let idleSeconds: Double

    func measure(_ lab: BenchLab, into figures: inout Figures) async throws -> [Row] {
        await removeOthers()
        do {
            try await makeOthers(200 - lab.running)
            let rows = try await measureAt200(lab, into: &figures)
            await removeOthers()
            return rows
        } catch {
            await removeOthers()
            throw error
        }
    }

    private func measureAt200(_ lab: BenchLab, into figures: inout Figures) async throws -> [Row] {
        let labDrawn = { (text: String) in text.components(separatedBy: "●").count > lab.running }
        var dockerPS: [Double] = [], status: [Double] = [], firstFrames: [Double] = []
        for _ in 0..<runs {  // alternated, so all three see the same machine
            dockerPS.append(Self.timed { Child.run(["docker", "-H", host, "ps", "-a"]) })
            status.append(Self.timed { Child.run([ailab, "status", "--json", "--host", host], environment: environment) })
            let started = ContinuousClock.now
            guard let console = Child.onTerminal([ailab, "--host", host], environment: environment) else { throw BenchError("cannot start ailab on a pty") }
            if let at = console.read(until: labDrawn, within: 10).at { firstFrames.append(Self.milliseconds(at - started)) }
            console.write("q")
            console.wait()
        }
        figures.dockerPS200 = Report.median(dockerPS)
        figures.status200 = Report.median(status)
        if !firstFrames.isEmpty { figures.firstFrame200 = Report.median(firstFrames) }

        // One console kept open: idle first (also the baseline), then changes drawn.
        guard let console = Child.onTerminal([ailab, "--host", host], environment: environment) else { throw BenchError("cannot start ailab on a pty") }
        defer { console.stop() }
        guard console.read(until: labDrawn, within: 10).at != nil else { throw BenchError("the lab never drawn with 200 containers") }
        _ = console.bytesWritten(during: 2)  // settle: stats and probes of the first screen
        let idleStart = console.cpuSeconds
        let idleBytes = console.bytesWritten(during: idleSeconds)
        let idleRate = (console.cpuSeconds - idleStart) / idleSeconds  // CPU seconds per second
        figures.idleCorePercent = idleRate * 100
        figures.idleBytesPerMinute = Double(idleBytes) * 60 / idleSeconds

        // Each change is the victim killed (drawn ○) or started (drawn ●), waited for on screen;
        // the engine sends several messages for each (kill, die; start), so per change is the
        // dearer reading of "per event".
        let cycles = max(5, runs / 2)
        let clock = ContinuousClock()
        let cpuBefore = console.cpuSeconds
        let window = try await clock.measure {
            for _ in 0..<cycles {
                try await client.killContainer(lab.victimID)
                guard console.read(until: { $0.contains("○") }, within: 5).at != nil else { throw BenchError("a kill not drawn within 5 s at 200") }
                try await client.startContainer(lab.victimID)
                guard console.read(until: { $0.contains("●") }, within: 5).at != nil else { throw BenchError("a start not drawn within 5 s at 200") }
            }
        }
        let seconds = Self.milliseconds(window) / 1000
        let busy = console.cpuSeconds - cpuBefore - idleRate * seconds
        figures.eventCPU200 = max(0, busy) / Double(cycles * 2) * 1000
        figures.peakMB200 = Targets.peakMegabytes(of: console.pid)

        let yard = Report.ms(figures.dockerPS200 ?? .nan)
        return [
            Row(measure: "time to first frame (lab drawn), 200 real containers", value: Report.ms(figures.firstFrame200 ?? .nan), yardstick: "docker ps -a \(yard)"),
            Row(measure: "ailab status --json, 200 real containers", value: Report.ms(figures.status200 ?? .nan), yardstick: "docker ps -a \(yard)"),
            Row(measure: "console CPU per change drawn (idle subtracted), 200 real", value: String(format: "%.2f ms", figures.eventCPU200 ?? .nan)),
            Row(measure: "bytes written per idle minute, 200 real", value: String(format: "%.0f", figures.idleBytesPerMinute ?? .nan)),
            Row(measure: "CPU per idle minute (share of one core), 200 real", value: String(format: "%.3f %%", figures.idleCorePercent ?? .nan)),
            Row(measure: "peak memory (console VmHWM), 200 real containers", value: String(format: "%.1f MB", figures.peakMB200 ?? .nan)),
        ]
    }

    /// Ten at a time: the engine (vfs storage) copies each rootfs, so this is the slow part.
    private func makeOthers(_ count: Int) async throws {
        let client = client
        for batch in stride(from: 0, to: count, by: 10) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in batch..<min(count, batch + 10) {
                    group.addTask {
                        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
                        spec.labels = [
                            "com.docker.compose.project": Self.project, "com.docker.compose.service": "other-\(index)",
                            "com.docker.compose.container-number": "1", "com.docker.compose.oneoff": "False",
                        ]
                        let id = try await client.createContainer(name: "\(Self.project)-other-\(index)-1", spec: spec)
                        try await client.startContainer(id)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    private func removeOthers() async {
        for container in (try? await client.listContainers(filters: ["label": ["com.docker.compose.project=\(Self.project)"]])) ?? [] {
            try? await client.removeContainer(container.id, force: true)
        }
    }

    private static func timed(_ body: () -> Void) -> Double { milliseconds(ContinuousClock().measure(body)) }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
