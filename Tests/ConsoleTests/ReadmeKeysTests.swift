import Console
import Foundation
import Testing

/// The README's key list is the key map's own Markdown, so the two never drift apart.
@Suite struct ReadmeKeysTests {
    @Test func theReadmeListsTheKeysTheConsoleHandles() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(KeyMap.markdown), "README.md's key table is stale; paste this in:\n\(KeyMap.markdown)")
    }
}
