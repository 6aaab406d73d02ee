import Basics
import Console
import LabModel

/// `2026-11-24T20:41:07.123456789Z text` → a time and the text.
public enum LogLineParser {
    public static func parse(_ raw: String, container: String, stream: LogSource) -> LogLine {
        guard let space = raw.firstIndex(of: " "), raw[..<space].count >= 20 else {
            return LogLine(time: nil, container: container, stream: stream, text: raw)
        }
        let stamp = String(raw[..<space])
        return LogLine(time: EngineTime.parse(stamp), container: container, stream: stream, text: String(raw[raw.index(after: space)...]))
    }
}
