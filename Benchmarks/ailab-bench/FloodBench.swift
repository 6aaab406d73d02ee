import ChildSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Key response under a flood (issue 11, item 6): the console against scripts/flood-engine.py,
/// an engine with one container publishing 10,000 ports and 20 events a second about it (a
/// real engine would need 10,000 docker-proxy processes for that). Time from writing a key to
/// the pty until the screen it asks for is being drawn.
enum FloodBench {
    static func keyResponse(ailab: String, environment: [String: String], presses: Int) throws -> Row {
        let socket = "/tmp/ailab-bench-flood-\(getpid()).sock"
        let script = FileManager.default.currentDirectoryPath + "/scripts/flood-engine.py"
        guard let engine = Spawn.start(["python3", script, socket, "10000", "20"]) else { throw BenchError("cannot start \(script)") }
        defer {
            kill(engine, SIGKILL)
            Spawn.wait(engine)
            unlink(socket)
        }
        for _ in 0..<100 where access(socket, F_OK) != 0 { usleep(50_000) }
        var floodEnvironment = environment
        floodEnvironment["DOCKER_HOST"] = "unix://\(socket)"
        guard let console = Child.onTerminal([ailab, "--host", "unix://\(socket)"], environment: floodEnvironment) else { throw BenchError("cannot start ailab on a pty") }
        defer { console.stop() }
        guard console.read(until: { $0.contains("20000") }, within: 20).at != nil else { throw BenchError("the flooding container never drawn") }
        _ = console.bytesWritten(during: 2)  // the flood is on
        // Services and Layers by turns; each waits for a word only that screen writes.
        var latencies: [Double] = []
        for press in 0..<presses {
            let (key, word) = press % 2 == 0 ? ("2", "CONDITION") : ("1", "Observability")
            let sent = ContinuousClock.now
            console.write(key)
            guard let at = console.read(until: { $0.contains(word) }, within: 10).at else { throw BenchError("key \(key) unanswered for 10 s under the flood") }
            let elapsed = at - sent
            latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            _ = console.bytesWritten(during: 0.2)
        }
        let p50 = Report.median(latencies), p95 = Report.percentile(latencies, 0.95)
        return Row(
            measure: "key → screen under a flood (10,000 ports, 20 events/s), median; p95 of \(latencies.count)",
            value: "\(Report.ms(p50)); \(Report.ms(p95))", target: "≤ 100 ms", met: p95 <= 100)
    }
}
