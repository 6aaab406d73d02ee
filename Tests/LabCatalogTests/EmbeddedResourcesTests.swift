import Foundation
import Testing
@testable import LabCatalog

/// The built-in catalog and its config files are compiled in (Embedded/BuiltInFiles.swift) from
/// Sources/LabCatalog/Resources: the two must not drift apart.
@Suite struct EmbeddedResourcesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/LabCatalog/Resources").standardizedFileURL

    @Test func theCompiledInFilesAreTheResourceFolder() throws {
        var onDisk: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: Self.folder.path))
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = Self.folder.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            onDisk[relative] = try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(!onDisk.isEmpty && onDisk.keys.sorted() == BuiltInFiles.files.keys.sorted(), "run `make embed` after adding or removing a file under Resources/")
        for (name, text) in onDisk {
            #expect(BuiltInFiles.files[name] == text, "\(name) differs from its compiled-in copy: run `make embed`")
        }
    }
}
