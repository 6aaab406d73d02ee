import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Child processes by posix_spawn and waitpid, for the tests and the benchmark (ailab itself
/// starts none). Foundation's Process was seen here never to reap some children (a tmux client
/// that forks its server, a killed shell), hanging its waits.
public enum Spawn {
    public enum Stdio: Sendable {
        /// stdin from /dev/null, stdout to the file (or /dev/null), stderr to /dev/null.
        case files(stdout: String?)
        /// All three on a pty slave, in a new session (so it becomes the controlling terminal);
        /// `master` is closed in the child.
        case terminal(slave: String, master: Int32)
    }

    /// Starts `argv` (looked up on PATH); with `.files`, in a process group of its own, so a
    /// test can signal it and everything it started at once.
    public static func start(_ argv: [String], stdio: Stdio = .files(stdout: nil), environment: [String: String] = [:]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        switch stdio {
        case .files(let stdout):
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        case .terminal(let slave, let master):
            posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc), not in the Glibc module
            posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
            posix_spawn_file_actions_addclose(&actions, master)
        }
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

    public static func start(_ argv: [String], stdout: String?, environment: [String: String] = [:]) -> pid_t? {
        start(argv, stdio: .files(stdout: stdout), environment: environment)
    }

    public static func shell(_ script: String, environment: [String: String] = [:]) -> pid_t? {
        start(["sh", "-c", script], environment: environment)
    }

    /// Waits for `pid` and returns its raw wait status.
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// The exit code a shell would show: the code, or 128 + the signal that ended it.
    public static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
