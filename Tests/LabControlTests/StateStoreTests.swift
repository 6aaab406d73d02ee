import ChildSpawn
import Foundation
import LabCatalog
@testable import LabControl
import TestSupport
import Testing

/// The state file: atomic, locked, and never losing what a person entered.
@Suite struct StateStoreTests {
    func temporaryStore() -> StateStore {
        StateStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("ailab-state-\(UUID().uuidString.prefix(8))").path)
    }

    @Test func writesAtomicallyWithPrivatePermissions() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        #expect(try store.read() == LabState())
        try store.update { $0.mark("m", by: "ada", at: Date(timeIntervalSince1970: 0)) }
        #expect(try store.read().marks["m"]?.by == "ada")
        let directory = try FileManager.default.attributesOfItem(atPath: store.directory)[.posixPermissions] as? Int
        let file = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(directory == 0o700)
        #expect(file == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCorruptFileIsKeptAsideWithAClearWarning() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        try "{\"marks\": {\"m\": trunc".write(toFile: store.path, atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let state = try store.update(warning: { warnings.append($0) }) { $0.mark("n", by: "bo", at: Date()) }
        #expect(state.marks.keys.sorted() == ["n"])
        #expect(warnings.count == 1 && warnings[0].contains("unreadable") && warnings[0].contains("kept it as"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix("state.json.corrupt-") }
        #expect(kept.count == 1)
        #expect(try String(contentsOfFile: store.directory + "/" + kept[0], encoding: .utf8) == "{\"marks\": {\"m\": trunc")
    }

    @Test func aNewerSchemaIsLeftAlone() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        try #"{"schemaVersion": 9, "marks": {}, "firstHealthy": {}, "checks": {}}"#.write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(throws: StateError.self) { try store.update { $0.marks = [:] } }
    }

    @Test func twoWritersNeverLoseEachOthersMarks() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let catalog = try Catalog.builtIn()
        let manual = catalog.roadmap.metrics.filter { $0.check == nil }.map(\.id)
        // Two processes mark different metrics at the same time, over and over.
        let environment = ["XDG_STATE_HOME": (store.directory as NSString).deletingLastPathComponent + "/x"]
        let shared = StateStore(directory: environment["XDG_STATE_HOME"]! + "/ailab")
        defer { try? FileManager.default.removeItem(atPath: environment["XDG_STATE_HOME"]!) }
        let script = { (ids: [String]) in ids.map { "\(AilabBinary.url.path) mark \($0) >/dev/null" }.joined(separator: "; ") }
        let first = try #require(Spawn.shell(script(Array(manual.prefix(manual.count / 2))), environment: environment))
        let second = try #require(Spawn.shell(script(Array(manual.suffix(from: manual.count / 2))), environment: environment))
        Spawn.wait(first)
        Spawn.wait(second)
        #expect(Set(try shared.read().marks.keys) == Set(manual))
    }

    @Test func killMinus9DuringWritesLeavesAReadableStateWithEveryEarlierMark() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-kill-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let environment = ["XDG_STATE_HOME": base]
        let store = StateStore(directory: base + "/ailab")
        _ = try AilabBinary.run(["mark", "documentation"], environment: environment)
        for round in 0..<12 {
            // A writer that marks and unmarks as fast as it can, killed at a random moment.
            let writer = try #require(Spawn.shell(
                "while true; do \(AilabBinary.url.path) mark dify-apps; \(AilabBinary.url.path) unmark dify-apps; done",
                environment: environment))
            usleep(UInt32(50_000 + round * 17_000))
            kill(-writer, SIGKILL)  // the whole group: the shell and the ailab inside it
            Spawn.wait(writer)
            let state = try store.read()
            #expect(state.marks["documentation"] != nil, "round \(round): an earlier mark was lost")
        }
        let corrupt = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.contains("corrupt") }
        #expect(corrupt.isEmpty)
    }
}
