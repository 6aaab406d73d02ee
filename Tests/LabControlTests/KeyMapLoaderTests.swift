@testable import ailab
import Console
import Foundation
import Testing

/// Where the console looks for the key-map file, and what a file it cannot use gives.
@Suite struct KeyMapLoaderTests {
    @Test func theFileIsUnderTheXDGConfigDirectoryElseHomeConfig() {
        #expect(KeyMapLoader.path(environment: ["XDG_CONFIG_HOME": "/etc/me", "HOME": "/home/me"]) == "/etc/me/ailab/keys")
        #expect(KeyMapLoader.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/me"]) == "/home/me/.config/ailab/keys")
        #expect(KeyMapLoader.path(environment: [:]) == nil)
    }

    @Test func noFileMeansTheDefaultsAndABadOneItsProblems() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-keys-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: config) }
        let environment = ["XDG_CONFIG_HOME": config]
        #expect(try KeyMapLoader.load(environment: environment).get().markdown == KeyMap.markdown)
        try FileManager.default.createDirectory(atPath: config + "/ailab", withIntermediateDirectories: true)
        try Data([0x71, 0x20, 0x3D, 0x20, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: config + "/ailab/keys"))
        guard case .failure(let errors) = KeyMapLoader.load(environment: environment) else {
            Issue.record("a file that is not UTF-8 was accepted")
            return
        }
        #expect(errors.description == "\(config)/ailab/keys: is not UTF-8 text")
    }
}
