import ChildSpawn
import Foundation

/// A tmux session on a private server socket: type with send-keys, read with capture-pane,
/// as a person at a terminal would.
struct Tmux {
    let socket = "ailab-test-\(UUID().uuidString.prefix(8))"
    let session = "console"

    /// Runs a tmux client and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))").path
        defer { unlink(output) }
        guard let pid = Spawn.start(["tmux", "-L", socket] + arguments, stdout: output) else { return "" }
        Spawn.wait(pid)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts `command` in a fresh window of `width`x`height`.
    func start(_ command: String, width: Int = 80, height: Int = 24) {
        tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
    }

    func send(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }

    var screen: String { tmux(["capture-pane", "-p", "-t", session]) }

    func resize(_ width: Int, _ height: Int) {
        tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds; tmux merges and reorders fast input, so tests
    /// wait for what they expect rather than sleeping.
    @discardableResult
    func waitFor(_ seconds: Double = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen) { return true }
            usleep(10_000)
        }
        return condition(screen)
    }

    /// kill-server, then the server process itself: a server was seen here to answer kill-server
    /// and live on, keeping its pane (and the ailab in it) running after the test.
    func kill() {
        tmux(["kill-server"])
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { pid_t($0) } ?? []
        for pid in pids {
            guard let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if let at = arguments.firstIndex(of: "-L"), arguments.indices.contains(at + 1), arguments[at + 1] == socket,
                arguments.first.map({ $0.hasSuffix("tmux") }) == true
            {
                Glibc.kill(pid, SIGKILL)
            }
        }
    }
}
