import DockerClient
import Foundation
import LabCatalog

#if canImport(Glibc)
import Glibc
#endif

/// `make bench`: ailab's speed and weight against the targets, with `docker ps -a`
/// timed in the same run as the yardstick. Needs a private engine (scripts/test-engine.sh run
/// sets DOCKER_HOST) and the release build of ailab beside this program.
@main
struct AilabBench {
    static func main() async {
        let arguments = CommandLine.arguments
        if let at = arguments.firstIndex(of: "--render-child"), arguments.count > at + 2, let count = Int(arguments[at + 1]) {
            do { print(try RenderChild.run(count: count, recording: arguments[at + 2])) } catch { print("error \(error)") }
            return
        }
        if arguments.contains("--flood-only") {
            // The flood row alone: it needs no private engine (the flood engine is a fake).
            let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
            let ailab = (me as NSString).deletingLastPathComponent + "/ailab"
            do {
                let row = try FloodBench.keyResponse(ailab: ailab, environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": NSTemporaryDirectory() + "ailab-bench-flood-state"], presses: 20)
                print(Report.table([row], engine: "flood engine (scripts/flood-engine.py)", idleSeconds: 0))
            } catch { print("error \(error)") }
            return
        }
        let idle = option("--idle-seconds", default: 60)
        let runs = Int(option("--runs", default: 20))
        let environment = ProcessInfo.processInfo.environment
        // Only ever a private test engine: the benchmark makes and removes containers.
        guard let host = environment["AILAB_TEST_DOCKER_HOST"], host.hasPrefix("unix://") else {
            FileHandle.standardError.write(Data("ailab-bench: needs a private engine (AILAB_TEST_DOCKER_HOST); run it with `make bench`\n".utf8))
            exit(2)
        }
        do {
            var bench = try Benchmark(host: host, runs: runs, idleSeconds: idle)
            let rows = try await bench.run()
            print(Report.table(rows, engine: bench.engineDescription, idleSeconds: idle))
            print(Targets.table(bench.figures))
            exit(rows.allSatisfy { $0.met != false } && Targets.allMet(bench.figures) ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("ailab-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func option(_ name: String, default value: Double) -> Double {
        let arguments = CommandLine.arguments
        guard let at = arguments.firstIndex(of: name), arguments.count > at + 1, let number = Double(arguments[at + 1]) else { return value }
        return number
    }
}
