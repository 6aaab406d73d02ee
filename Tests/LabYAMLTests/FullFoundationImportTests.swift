#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

/// Every target under Sources/ is linked into `ailab`, and one file importing full Foundation
/// links FoundationInternationalization and ICU's data (about 30 MB of the 68 MB stripped binary,
/// issue 17). Files must use FoundationEssentials; `remaining` lists those that still need an API
/// it lacks, and may only shrink.
@Suite struct FullFoundationImportTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardizedFileURL

    /// Files that still import full Foundation, with what they use that FoundationEssentials lacks.
    static let remaining: Set<String> = FullFoundationRemaining.files

    /// The files under Sources/ with an `import Foundation` (or its International/Networking parts)
    /// outside the `#else` of `#if canImport(FoundationEssentials)`.
    static func fullImports() throws -> Set<String> {
        var found: Set<String> = []
        for relative in try FileManager.default.subpathsOfDirectory(atPath: sources.path) where relative.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(relative).path, encoding: .utf8)
            if importsFullFoundation(text) { found.insert(relative) }
        }
        return found
    }

    static func importsFullFoundation(_ text: String) -> Bool {
        var guarded = false
        var inElse = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " }
            if line.hasPrefix("#if canImport(FoundationEssentials)") { guarded = true } else if guarded && line.hasPrefix("#else") {
                inElse = true
            } else if line.hasPrefix("#endif") {
                guarded = false
                inElse = false
            } else if !inElse, let module = importedModule(line), ["Foundation", "FoundationInternationalization", "FoundationNetworking"].contains(module) {
                return true
            }
        }
        return false
    }

    /// `import X`, `@preconcurrency import X`, `public import X`… → X.
    static func importedModule(_ line: Substring) -> String? {
        let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
        guard let index = words.firstIndex(of: "import"),
            words[..<index].allSatisfy({ ["public", "internal", "package", "private", "fileprivate"].contains($0) })
        else { return nil }
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        let path = words.dropFirst(index + 1).first { !kinds.contains($0) }
        return path.map { String($0.split(separator: ".").first ?? "") }
    }

    @Test func noNewFileImportsFullFoundation() throws {
        let found = try Self.fullImports()
        for file in found.subtracting(Self.remaining).sorted() {
            Issue.record("""
                Sources/\(file) imports full Foundation, which links ICU's data (~30 MB) into ailab. Write
                #if canImport(FoundationEssentials) / import FoundationEssentials / #else / import Foundation / #endif
                and use what FoundationEssentials has (JSONEncoder/JSONDecoder, FileManager, Data, Date, URL, ProcessInfo; \
                no String(format:), NSString paths, JSONSerialization, DateFormatter, FileHandle, Thread, NSLock).
                """)
        }
        for file in Self.remaining.subtracting(found).sorted() {
            Issue.record("Sources/\(file) no longer imports full Foundation: remove it from FullFoundationRemaining.files")
        }
    }

    @Test func theCheckSeesEveryFormOfTheImport() {
        #expect(Self.importsFullFoundation("import Foundation\n"))
        #expect(Self.importsFullFoundation("@preconcurrency public import FoundationNetworking\n"))
        #expect(Self.importsFullFoundation("import struct Foundation.Date\n"))
        #expect(!Self.importsFullFoundation("#if canImport(FoundationEssentials)\nimport FoundationEssentials\n#else\nimport Foundation\n#endif\n"))
        #expect(!Self.importsFullFoundation("import FoundationEssentials\nimport Dispatch\n"))
    }
}
