import Foundation
import Testing

/// ARCHITECTURE.md's table of targets is the rule; this reads it and every import under
/// Sources/, and fails on an arrow the table does not allow, a target it does not name, or a
/// cycle among its arrows.
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Modules from outside the package or the system: not arrows between the package's targets.
    static let outside: Set<String> = [
        "Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Synchronization",
        "Yams", "ArgumentParser", "Logging", "NIOCore", "NIOPosix", "NIOHTTP1", "NIOSSL",
    ]

    /// Target → the targets it may import, from the table's rows.
    static func allowed() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        guard let start = text.range(of: "<!-- arrows:") else { throw Missing(what: "the arrows table in ARCHITECTURE.md") }
        var table: [String: Set<String>] = [:]
        for line in text[start.upperBound...].split(separator: "\n").dropFirst(3) {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            table[name] = Set(cells[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return table
    }

    /// Target → the package modules its sources import.
    static func imports() throws -> [String: [String: String]] {
        let sources = root.appendingPathComponent("Sources")
        var found: [String: [String: String]] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !target.hasPrefix(".") {
            let folder = sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
                .filter { $0.pathExtension == "swift" } ?? []
            found[target] = [:]
            for file in files {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                          words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package", "private"].contains($0) })
                    else { continue }
                    let module = String(words[index + 1]).split(separator: ".").first.map(String.init) ?? ""
                    if !outside.contains(module) { found[target]?[module] = file.lastPathComponent }
                }
            }
        }
        return found
    }

    @Test func everyImportIsAnArrowTheDocumentAllows() throws {
        let allowed = try Self.allowed()
        let imports = try Self.imports()
        #expect(imports.count >= 15)
        for (target, modules) in imports.sorted(by: { $0.key < $1.key }) {
            guard let may = allowed[target] else {
                Issue.record("Sources/\(target) is not in ARCHITECTURE.md's table of targets")
                continue
            }
            for (module, file) in modules.sorted(by: { $0.key < $1.key }) where !may.contains(module) {
                Issue.record("\(target) imports \(module) (\(file)): ARCHITECTURE.md does not allow that arrow")
            }
        }
        for target in allowed.keys where imports[target] == nil {
            Issue.record("ARCHITECTURE.md names \(target), which has no folder under Sources/")
        }
    }

    @Test func theArrowsHaveNoCycle() throws {
        let allowed = try Self.allowed()
        var done: Set<String> = []
        func visit(_ target: String, _ path: [String]) {
            if path.contains(target) { Issue.record("a cycle: \((path + [target]).joined(separator: " → "))"); return }
            guard !done.contains(target) else { return }
            for next in allowed[target] ?? [] { visit(next, path + [target]) }
            done.insert(target)
        }
        allowed.keys.sorted().forEach { visit($0, []) }
    }

    /// The table is read, not skipped: a row the test cannot parse must not pass quietly.
    @Test func theTableNamesTheModelsArrows() throws {
        let allowed = try Self.allowed()
        #expect(allowed["LabModel"] == ["Basics", "LabCatalog", "DockerClient"])
        #expect(allowed["Basics"] == [])
        #expect(allowed["ConsoleViews"]?.contains("DockerClient") == false)
        #expect(allowed["Console"]?.contains("CursesTerminal") == false)
        // The console reads the lab model, never the engine's own types and words.
        #expect(allowed["Console"]?.contains("DockerClient") == false)
        #expect(allowed["ConsoleViews"]?.contains("LabReport") == false)
    }

    struct Missing: Error, CustomStringConvertible {
        let what: String
        var description: String { "missing: \(what)" }
    }
}
