import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Every action's steps, appended to `<state dir>/actions.log` (0600): one line each, with the
/// time, so "what did I do to this lab yesterday" has an answer. Kept below ~1 MB by moving the
/// old file to `actions.log.1`.
public struct ActionLog: Sendable {
    public let path: String
    private let limit: Int

    public init(stateDirectory: String, limit: Int = 1_000_000) {
        path = stateDirectory + "/actions.log"
        self.limit = limit
    }

    public func append(_ event: ActionEvent) {
        guard event.outcome != .progress else { return }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > limit { rename(path, path + ".1") }
        // By scalars: "\r\n" is one Character, and its "\n" must not end the log's line either.
        let flat = String(String.UnicodeScalarView(event.line.unicodeScalars.flatMap { $0 == "\n" ? Array(" ⏎ ".unicodeScalars) : [$0] }))
        let line = "\(Self.stamp(event.time)) \(flat)\n"
        var fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0, errno == ENOENT {
            // The state directory is made (0700) on the first step only, not on every one.
            try? AtomicFile.prepareDirectory(Path.parent(path))
            fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { return }
        defer { close(fd) }
        // One write per line with O_APPEND: two consoles' lines never interleave mid-line.
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// The newest `count` lines, oldest first.
    public func tail(_ count: Int) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(count).map(String.init)
    }

    /// UTC, as ISO8601DateFormatter wrote it before (issue 17).
    private static func stamp(_ date: Date) -> String { DateText.iso8601(date) }
}
