import Canvas
import Console
import ConsoleViews
import DockerClient
import Foundation
import LabCatalog
import LabModel

#if canImport(Glibc)
import Glibc
#endif

/// Run in a child process of its own, so its peak memory is the console's at that size alone:
/// decode the recorded engine answers, scaled to `count` containers, into a snapshot, then
/// draw every screen many times, diffing each frame against the last as the terminal does.
enum RenderChild {
    static func run(count: Int, recording: String) throws -> String {
        let trace = ProcessInfo.processInfo.environment["AILAB_BENCH_TRACE"] != nil
        func mark(_ what: String) {
            guard trace else { return }
            FileHandle.standardError.write(Data("\(what): \(peakKilobytes()) kB\n".utf8))
        }
        mark("start")
        let (summaries, inspects) = try Recording.load(recording, scaledTo: count)
        mark("decoded")
        let catalog = try Catalog.builtIn()
        var statuses: [ContainerStatus] = []
        for summary in summaries {
            var status = ContainerStatus(summary: summary)
            if let inspect = inspects[summary.id] { status.merge(inspect) }
            statuses.append(status)
        }
        mark("statuses")
        let engine = EngineInfo(endpoint: "unix:///replayed.sock", reachable: true, version: "20.10", apiVersion: "1.41")
        var state = AppState(snapshot: LabSnapshot(catalog: catalog, engine: engine, containers: statuses), width: 120, height: 40)
        mark("snapshot")
        var previous: ScreenBuffer?
        var frames = 0
        var changed = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<60 {
                for screen in Screen.allCases {
                    state.screen = screen
                    _ = Reducer.reduce(&state, .input(.key(.down)))  // a keypress, then its frame
                    let buffer = ConsoleRenderer.render(state)
                    changed += buffer.changes(since: previous).count
                    previous = buffer
                    frames += 1
                }
            }
        }
        mark("rendered")
        let perFrame = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        return "\(perFrame / Double(frames)) \(peakKilobytes()) \(statuses.count) \(changed)"
    }

    /// This program's own peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux carries
    /// that across exec, so a child of the (bigger) benchmark would report the parent's peak.
    static func peakKilobytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
