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

    func kill() { tmux(["kill-server"]) }
}

/// Child processes by posix_spawn and waitpid. Foundation's Process was seen here never to reap
/// some children (a tmux client that forks its server, a killed shell), hanging its waits.
enum Spawn {
    /// Starts `argv` (looked up on PATH) in a process group of its own; stdout to `stdout` or /dev/null.
    static func start(_ argv: [String], stdout: String? = nil, environment: [String: String] = [:]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = variables.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment) == 0 else { return nil }
        return pid
    }

    static func shell(_ script: String, environment: [String: String] = [:]) -> pid_t? {
        start(["sh", "-c", script], environment: environment)
    }

    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}
