import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Why `--log FILE` could not be opened; the command says so and stops.
public struct LogFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "cannot write the log file \(path): \(reason)" }
}

/// The log file, opened for appending (several ailab processes may share one: each line is one
/// write(2) with O_APPEND, so lines never interleave), closed when the last logger goes.
final class LogFile: Sendable {
    private let descriptor: Int32
    private let writing = Mutex(())

    init(path: String) throws(LogFileError) {
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard opened >= 0 else { throw LogFileError(path: path, reason: String(cString: strerror(errno))) }
        descriptor = opened
    }

    deinit { close(descriptor) }

    func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        writing.withLock { _ in
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
