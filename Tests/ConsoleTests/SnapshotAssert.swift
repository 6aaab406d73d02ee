import Foundation
import XCTest

/// Text snapshots in Snapshots/ beside this file. AILAB_RECORD_SNAPSHOTS=1 re-records them;
/// a missing one is recorded (and the test fails once, so nobody mistakes that for a pass),
/// except in CI, where a missing snapshot is simply a failure.
enum SnapshotAssert {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func matches(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent("\(name).txt")
        let environment = ProcessInfo.processInfo.environment
        let record = environment["AILAB_RECORD_SNAPSHOTS"] == "1"
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if record || (stored == nil && environment["CI"] != "true") {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            if !record { XCTFail("recorded a new snapshot \(name).txt: check it and run again", file: file, line: line) }
            return
        }
        guard let stored else {
            XCTFail("missing snapshot \(name).txt (record with AILAB_RECORD_SNAPSHOTS=1)", file: file, line: line)
            return
        }
        let expected = String(stored.dropLast(stored.hasSuffix("\n") ? 1 : 0))
        guard expected != actual else { return }
        XCTFail("snapshot \(name) differs:\n\(diff(expected, actual))", file: file, line: line)
    }

    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : "<none>"
            let after = index < new.count ? new[index] : "<none>"
            if before != after { lines += ["line \(index + 1):", "- \(before)", "+ \(after)"] }
        }
        return lines.joined(separator: "\n")
    }
}
