import Foundation
import Logging
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

/// swift-log's handler for the file: "2026-11-27T17:10:03.123Z info engine: GET /v1.41/_ping → 200 in 2 ms".
/// The message is masked (stored secrets), and control characters are escaped so an engine's
/// text cannot forge a line or reach a terminal that shows the file.
struct LogFileHandler: LogHandler {
    let label: String
    let file: LogFile
    let mask: @Sendable (String) -> String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = Self.escaped(mask(event.message.description))
        file.write("\(Self.timestamp()) \(event.level) \(event.source): \(text)")
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// UTC, to the millisecond, by arithmetic (no formatter per line).
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        let date = "\(parts.tm_year + 1900)-\(String(parts.tm_mon + 1).leftPadded(2))-\(String(parts.tm_mday).leftPadded(2))"
        let time = "\(String(parts.tm_hour).leftPadded(2)):\(String(parts.tm_min).leftPadded(2)):\(String(parts.tm_sec).leftPadded(2))"
        return "\(date)T\(time).\(String(now.tv_nsec / 1_000_000).leftPadded(3))Z"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
