#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A log line as plain text for a file: time, container, `!` for stderr, the text.
public enum LogLineText {
    public static func plain(_ line: LogLine, timeZone: TimeZone?) -> String {
        let time = line.time.map { "\(Format.day($0, timeZone: timeZone)) \(Format.clock($0, timeZone: timeZone))" } ?? "-"
        return "\(time) \(line.container) \(line.marker ? "--" : line.stream == .stderr ? "!" : " ") \(line.text)"
    }
}
