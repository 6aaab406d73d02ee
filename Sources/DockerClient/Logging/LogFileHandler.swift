#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// swift-log's handler for the file: "2026-11-27T17:10:03.123Z info http: unix:///var/run/docker.sock version: GET /v1.41/version → 200 in 2.1 ms".
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
