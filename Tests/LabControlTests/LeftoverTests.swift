import Foundation
import LabCatalog
@testable import LabControl
import Testing

/// What a killed writer, a newer ailab or a concurrent install leaves in the state directory.
@Suite struct LeftoverTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-leftover-\(UUID().uuidString.prefix(8))").path

    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

    /// A writer killed with -9 between creating its temporary file and renaming it leaves
    /// `state.json.tmp-<pid>`; the next write (under the lock, so no one else is writing) removes it.
    @Test func aKilledWritersTemporaryFileGoesWithTheNextWrite() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = StateStore(directory: directory)
        try store.update { $0.mark("a", by: "ada", at: Date(timeIntervalSince1970: 0)) }
        for pid in [99_999, 4_000_001] { try Data("{\"half\": ".utf8).write(to: URL(fileURLWithPath: "\(store.path).tmp-\(pid)")) }
        #expect(files().filter { $0.contains(".tmp-") }.count == 2)
        try store.update { $0.mark("b", by: "bo", at: Date(timeIntervalSince1970: 0)) }
        #expect(files() == ["state.json", "state.lock"])
        #expect(try store.read().marks.keys.sorted() == ["a", "b"])
    }

    /// A state file from a newer ailab whose fields changed shape is not "corrupt": it stays
    /// where it is, byte for byte, and every write is refused with the reason.
    @Test func aNewerSchemaWithAnotherShapeIsLeftAloneAndWritesAreRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = StateStore(directory: directory)
        let newer = #"{"schemaVersion": 2, "marks": [{"metric": "m", "by": "ada"}], "timeline": {}}"#
        try newer.write(toFile: store.path, atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let refusal = #expect(throws: StateError.self) {
            try store.update(warning: { warnings.append($0) }) { $0.mark("n", by: "bo", at: Date()) }
        }
        #expect(refusal?.description.contains("newer ailab (state schema 2; this one knows 1)") == true, "\(String(describing: refusal))")
        #expect(refusal?.description.contains("nothing is written") == true)
        #expect(throws: StateError.self) { try store.read() }
        #expect(warnings.isEmpty)
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == newer)
        #expect(!files().contains { $0.contains("corrupt") }, "\(files())")
    }

    /// Two installs at once that both need a new secret store one value, and both use it.
    @Test func concurrentInstallsAgreeOnEverySecret() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = (0..<40).map { "SECRET_\($0)" }
        let seen = NSLock()
        nonisolated(unsafe) var values: [String: Set<String>] = [:]
        for name in names {
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                // Each its own store, as two processes would have.
                let value = try? SecretStore(stateDirectory: directory, environment: [:]).ensure(name, spec: SecretSpec())
                seen.withLock { values[name, default: []].insert(value ?? "(failed)") }
            }
        }
        let store = SecretStore(stateDirectory: directory, environment: [:])
        for name in names {
            #expect(values[name] == [store.value(name) ?? "(none stored)"], "\(name): \(values[name] ?? [])")
        }
        #expect(!files().contains { $0 != "secrets" })
        let secrets = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/secrets")) ?? []
        #expect(secrets.sorted() == names.sorted(), "leftovers: \(secrets.filter { !names.contains($0) })")
    }
}
