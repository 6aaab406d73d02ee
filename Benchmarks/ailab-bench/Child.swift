import ChildSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program started by the benchmark: plain (stdout to a file) or on a pseudo-terminal whose
/// every output byte is read, time-stamped, by the benchmark.
final class Child {
    let pid: pid_t
    /// The pty's master side, when started on one.
    let master: Int32?

    private init(pid: pid_t, master: Int32?) {
        self.pid = pid
        self.master = master
    }

    /// Runs `argv` to completion; stdout to `output` (or /dev/null). Returns the exit status.
    @discardableResult
    static func run(_ argv: [String], output: String? = nil, environment: [String: String] = [:]) -> Int32 {
        guard let child = start(argv, stdio: .files(stdout: output), environment: environment) else { return -1 }
        return child.wait()
    }

    /// Starts `argv` on a new pty of `columns`x`rows`, as its session's controlling terminal.
    static func onTerminal(_ argv: [String], columns: UInt16 = 120, rows: UInt16 = 40, environment: [String: String] = [:]) -> Child? {
        // posix_openpt and friends are not in Swift's Glibc module: the same by hand (Linux's
        // TIOCSPTLCK unlocks the slave, TIOCGPTN names it; grantpt is a no-op with devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else { return nil }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        return start(argv, stdio: .terminal(slave: name, master: master), environment: environment)
    }

    private static func start(_ argv: [String], stdio: Spawn.Stdio, environment: [String: String]) -> Child? {
        guard let pid = Spawn.start(argv, stdio: stdio, environment: environment) else { return nil }
        if case .terminal(_, let master) = stdio { return Child(pid: pid, master: master) }
        return Child(pid: pid, master: nil)
    }

    /// Reads the terminal until `condition` holds for everything read so far, or `seconds` pass.
    /// Returns when it held (nil on time-out) and all bytes read.
    func read(until condition: (String) -> Bool, within seconds: Double) -> (at: ContinuousClock.Instant?, text: String) {
        guard let master else { return (nil, "") }
        var collected: [UInt8] = []
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            let count = readAvailable(master, into: &collected, waitMilliseconds: 20)
            if count > 0, condition(String(decoding: collected, as: UTF8.self)) { return (.now, String(decoding: collected, as: UTF8.self)) }
        }
        return (nil, String(decoding: collected, as: UTF8.self))
    }

    /// Counts the bytes the program writes for `seconds`.
    func bytesWritten(during seconds: Double) -> Int {
        guard let master else { return 0 }
        var collected: [UInt8] = []
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline { _ = readAvailable(master, into: &collected, waitMilliseconds: 200) }
        return collected.count
    }

    func write(_ text: String) {
        guard let master else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(master, $0.baseAddress, $0.count - 1) }
    }

    /// User plus system CPU seconds so far, from /proc.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)  // utime, stime
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    @discardableResult
    func wait() -> Int32 {
        let status = Spawn.wait(pid)
        if let master { close(master) }
        return Spawn.exitCode(status)
    }

    func stop() {
        kill(pid, SIGTERM)
        wait()
    }

    private func readAvailable(_ fd: Int32, into collected: inout [UInt8], waitMilliseconds: Int32) -> Int {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(fd, &buffer, buffer.count)
        if count > 0 { collected += buffer[0..<count] }
        return max(0, count)
    }
}
