import DockerClient
import Foundation
import LabCatalog

#if canImport(Glibc)
import Glibc
#endif

/// The measurements, against a lab of 20 containers made on the private engine.
struct Benchmark {
    let host: String
    let runs: Int
    let idleSeconds: Double
    let client: DockerClient
    let ailab: String
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-bench-\(getpid())").path
    private(set) var engineDescription = ""
    /// What the issue 17 targets table reads (Targets.swift).
    private(set) var figures = Figures()

    init(host: String, runs: Int, idleSeconds: Double) throws {
        self.host = host
        self.runs = max(3, runs)
        self.idleSeconds = max(5, idleSeconds)
        client = DockerClient(endpoint: try DockerEndpoint.parse(host), requestTimeout: .seconds(10))
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        ailab = (me as NSString).deletingLastPathComponent + "/ailab"
        guard FileManager.default.isExecutableFile(atPath: ailab) else { throw BenchError("no ailab beside \(me): build with `swift build -c release`") }
    }

    var environment: [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": work + "/state", "DOCKER_HOST": host]
    }

    mutating func run() async throws -> [Row] {
        let version = try await client.version()
        engineDescription = "engine \(version.version) (API \(version.apiVersion))"
        let lab = try await BenchLab.make(client)
        do {
            let rows = try await measure(lab)
            await BenchLab.remove(client)
            try? FileManager.default.removeItem(atPath: work)
            return rows
        } catch {
            await BenchLab.remove(client)
            throw error
        }
    }

    private mutating func measure(_ lab: BenchLab) async throws -> [Row] {
        try await Recording.record(client, project: BenchLab.project, into: work + "/recording")
        var rows: [Row] = []

        // The yardstick and ailab's own one-shot read, alternated so both see the same machine.
        var dockerPS: [Double] = [], status: [Double] = []
        for _ in 0..<runs {
            dockerPS.append(timed { Child.run(["docker", "-H", host, "ps", "-a"]) })
            status.append(timed { Child.run([ailab, "status", "--json", "--host", host], environment: environment) })
        }
        let yardstick = Report.median(dockerPS)
        let yard = { (ms: Double) in "docker ps -a \(Report.ms(yardstick)); ailab is \(String(format: "%.1f", ms / yardstick))×" }

        // Time to first frame: from spawning the console to the lab drawn on its terminal.
        var firstBytes: [Double] = [], firstFrames: [Double] = []
        for _ in 0..<runs {
            let started = ContinuousClock.now
            guard let console = Child.onTerminal([ailab, "--host", host], environment: environment) else { throw BenchError("cannot start ailab on a pty") }
            let first = console.read(until: { !$0.isEmpty }, within: 5)
            let full = console.read(until: { $0.components(separatedBy: "●").count > lab.running }, within: 5)
            if let at = first.at { firstBytes.append(milliseconds(at - started)) }
            if let at = full.at { firstFrames.append(milliseconds(at - started)) }
            console.write("q")
            console.wait()
        }
        let firstFrame = Report.median(firstFrames)
        (figures.firstFrame20, figures.dockerPS20) = (firstFrame, yardstick)
        rows.append(Row(measure: "time to first frame (lab drawn), 20 containers", value: Report.ms(firstFrame), target: "≤ 50 ms", met: firstFrame <= 50, yardstick: yard(firstFrame)))
        rows.append(Row(measure: "terminal set up (first bytes written)", value: Report.ms(Report.median(firstBytes))))

        // Render per frame and peak memory, each size in a process of its own.
        for count in [20, 200, 2000] {
            let output = work + "/render-\(count).txt"
            try Recording.scale(work + "/recording", to: count)
            Child.run([CommandLine.arguments[0], "--render-child", String(count), work + "/recording"], output: output)
            let fields = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: " ")
            guard fields.count >= 2, let perFrame = Double(fields[0]), let peakKB = Double(fields[1]) else { throw BenchError("render child for \(count) said: \(fields)") }
            let limit = count == 2000 ? 5.0 : nil
            rows.append(Row(measure: "render + diff per frame, \(count) containers", value: Report.ms(perFrame), target: limit.map { "≤ \(Int($0)) ms" } ?? "—", met: limit.map { perFrame <= $0 }))
            let megabytes = peakKB / 1024
            if count == 2000 { figures.peakMB2000 = megabytes }
            rows.append(Row(measure: "peak memory, \(count) containers", value: String(format: "%.1f MB", megabytes), target: count == 2000 ? "≤ 40 MB" : "—", met: count == 2000 ? megabytes <= 40 : nil))
        }

        // One console left open: event-to-screen latency, then an idle window.
        guard let console = Child.onTerminal([ailab, "--host", host], environment: environment) else { throw BenchError("cannot start ailab on a pty") }
        defer { console.stop() }
        _ = console.read(until: { $0.components(separatedBy: "●").count > lab.running }, within: 10)
        _ = console.bytesWritten(during: 1.5)  // settle: stats and probes of the first screen
        var latencies: [Double] = []
        for _ in 0..<10 {
            for (action, glyph) in [("die", "○"), ("start", "●")] {  // a kill is a stop asked for: ○
                let events = try await client.events(EventQuery(actions: [action], labels: ["com.docker.compose.service=\(BenchLab.victim)"]))
                var iterator = events.makeAsyncIterator()
                if action == "die" { try await client.killContainer(lab.victimID) } else { try await client.startContainer(lab.victimID) }
                let onScreen = console.read(until: { $0.contains(glyph) }, within: 5)
                let seenAt = Date()
                guard let event = try await iterator.next(), onScreen.at != nil else { throw BenchError("no \(action) on screen within 5 s") }
                let eventAt = Date(timeIntervalSince1970: Double(event.timeNano) / 1e9)
                latencies.append(seenAt.timeIntervalSince(eventAt) * 1000)
                _ = console.bytesWritten(during: 0.3)
            }
        }
        let p50 = Report.median(latencies), p95 = Report.percentile(latencies, 0.95)
        rows.append(Row(measure: "engine event → screen (median; p95) of \(latencies.count)", value: "\(Report.ms(p50)); \(Report.ms(p95))", target: "≤ 100 ms", met: p95 <= 100))

        _ = console.bytesWritten(during: 2)
        let cpuBefore = console.cpuSeconds
        let bytes = console.bytesWritten(during: idleSeconds)
        let cpu = (console.cpuSeconds - cpuBefore) / idleSeconds * 100
        let perMinute = Double(bytes) * 60 / idleSeconds
        // Ages tick once a minute: the few cells that change then, and nothing in between.
        rows.append(Row(measure: "bytes written per idle minute (ages ticking)", value: String(format: "%.0f", perMinute), target: "≤ 2048", met: perMinute <= 2048))
        rows.append(Row(measure: "CPU per idle minute (share of one core)", value: String(format: "%.3f %%", cpu), target: "≤ 0.2 %", met: cpu <= 0.2))
        rows.append(try FloodBench.keyResponse(ailab: ailab, environment: environment, presses: max(10, runs)))
        rows.append(try await LogFloodBench.row(client, work: work))
        let statusMedian = Report.median(status)
        rows.append(Row(measure: "ailab status --json, 20 containers", value: Report.ms(statusMedian), yardstick: yard(statusMedian)))
        let scale = ScaleBench(client: client, ailab: ailab, host: host, environment: environment, runs: runs, idleSeconds: idleSeconds)
        rows += try await scale.measure(lab, into: &figures)
        return rows
    }

    private func timed(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        return milliseconds(clock.measure(body))
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
