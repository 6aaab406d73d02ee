import Foundation
import Testing

/// No action may pass catalog- or user-derived strings through a shell: ailab starts no
/// processes at all. This reads every source file, so a new `Process` or `system` call fails
/// here and has to be argued for.
struct NoShellTests {
    @Test func noSourceFileStartsAProcessOrAShell() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let forbidden = ["Process(", "posix_spawn", "system(", "popen(", "/bin/sh", "execv", "execl", "NSTask", "fork("]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { ["swift", "h", "c"].contains($0.pathExtension) } ?? []
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for word in forbidden {
                #expect(!text.contains(word), "\(file.lastPathComponent) uses \(word)")
            }
        }
    }
}
