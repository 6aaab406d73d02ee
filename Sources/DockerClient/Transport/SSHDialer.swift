#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The one process ailab ever starts: `ssh … docker system dial-stdio`, as the docker CLI dials
/// an ssh:// engine (cli/connhelper/commandconn: one ssh per connection, its stdin and stdout
/// are the connection). argv goes straight to posix_spawnp: no shell ever reads it, so nothing
/// from a catalog or an address can become a command. ssh's stdin and stdout are one end of a
/// socketpair; the other end becomes the NIO channel.
final class SSHDialer: Sendable {
    let argv: [String]
    /// The last line ssh wrote on stderr (e.g. "Host key verification failed."), for the error.
    private let lastWords = Mutex<String?>(nil)

    init(argv: [String]) { self.argv = argv }

    fileprivate func remember(_ line: String) { lastWords.withLock { $0 = line } }

    /// What ssh last said on stderr, waiting up to `limit` for it: ssh writes it as it exits,
    /// just after the connection ends.
    func lastError(within limit: Duration) async -> String? {
        let deadline = ContinuousClock.now + limit
        while true {
            if let words = lastWords.withLock({ $0 }) { return words }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Starts ssh and returns the local end of its connection, or throws why it could not.
    func dial(endpoint: String) throws(DockerError) -> (fd: Int32, child: SSHChild) {
        lastWords.withLock { $0 = nil }  // this attempt's words, not an earlier one's
        var pair: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw .unreachable(endpoint: endpoint, reason: "socketpair: \(String(cString: strerror(errno)))")
        }
        // pipe2 needs _GNU_SOURCE (platform notes): pipe, then close-on-exec by fcntl.
        guard pipe(&errPipe) == 0, fcntl(errPipe[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(errPipe[1], F_SETFD, FD_CLOEXEC) == 0 else {
            close(pair[0]); close(pair[1])
            throw .unreachable(endpoint: endpoint, reason: "pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group: a Ctrl-C meant for the console is not ssh's to act on.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        // ssh needs the user's environment (HOME, SSH_AUTH_SOCK); glibc hides `environ` from Swift.
        let variables = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = variables.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment)
        close(pair[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(pair[0]); close(errPipe[0])
            throw .unreachable(endpoint: endpoint, reason: "cannot start ssh: \(String(cString: strerror(spawned)))")
        }
        let child = SSHChild(pid: pid)
        let stderrFD = errPipe[0]
        DetachedThread.start { child.reap(stderr: stderrFD, dialer: self) }
        return (pair[0], child)
    }
}

/// One running ssh: reaped by its own thread; `end()` stops it once its connection is closed.
final class SSHChild: Sendable {
    let pid: pid_t
    /// Set once the child has exited and before it is reaped, so `end()` never signals a pid
    /// that the system may already have given to another process.
    private let exited = Mutex(false)

    init(pid: pid_t) { self.pid = pid }

    func end() {
        exited.withLock { done in if !done { _ = kill(pid, SIGTERM) } }
    }

    /// Reads ssh's stderr to its end, keeps its last line, waits for the exit (WNOWAIT first,
    /// then marks it and reaps it).
    fileprivate func reap(stderr fd: Int32, dialer: SSHDialer) {
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            text = Array((text + buffer[0..<count]).suffix(4096))
        }
        close(fd)
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        exited.withLock { $0 = true }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let line = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline).last.map(String.init)
        if let line, !line.isEmpty {
            dialer.remember(line)
            LabLog.info("ssh", "pid \(pid) said: \(line)")
        }
    }
}
