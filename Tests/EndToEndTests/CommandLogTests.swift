import Foundation
import LabCatalog
@testable import LabControl
import TestSupport
import Testing

/// `--log FILE` and `AILAB_LOG`: engine calls with their timing, probes and actions in a plain
/// file; nothing written without it; a stored secret never in it, even with --show-secrets.
@Suite(.serialized)
struct CommandLogTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-log-\(UUID().uuidString.prefix(8))").path

    func files() -> Set<String> {
        Set((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? [])
    }

    @Test func logsEngineCallsWithTheirTimeAndMasksStoredSecrets() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/state"
        let secret = try SecretStore(stateDirectory: state + "/ailab", environment: [:]).ensure("DB_PASSWORD", spec: SecretSpec())
        let environment = ["XDG_STATE_HOME": state, "AILAB_LOG": ""]
        // The secret in the engine address: it reaches the log's command line and every call's line.
        let host = "unix://\(directory)/\(secret).sock"
        let log = directory + "/ailab.log"

        // --log is global: before the command as after it.
        let result = try AilabBinary.run(["--log", log, "status", "--host", host, "--show-secrets"], environment: environment)
        #expect(result.status == 2, "an engine that is not there: \(result.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("info ailab: ailab ") == true && lines.first?.contains("started: ailab --log \(log) status") == true, "\(text)")
        #expect(lines.contains { $0.contains("info http: ") && $0.contains("GET /_ping → engine unreachable") && $0.hasSuffix(" ms") }, "\(text)")
        #expect(lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info|warning) "#, options: .regularExpression) != nil }, "\(text)")
        #expect(!text.contains(secret), "a stored secret is never written to the log")
        #expect(text.contains(SecretMask.mask))

        // AILAB_LOG names the file when --log does not; it appends.
        let again = try AilabBinary.run(["status", "--host", host], environment: ["XDG_STATE_HOME": state, "AILAB_LOG": log])
        #expect(again.status == 2)
        let appended = try String(contentsOfFile: log, encoding: .utf8)
        #expect(appended.hasPrefix(text) && appended.count > text.count)
        #expect(!appended.contains(secret))
    }

    @Test func writesNothingWithoutIt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        let before = files()
        let result = try AilabBinary.run(["status", "--host", "unix://\(directory)/none.sock"], environment: ["XDG_STATE_HOME": directory + "/state", "AILAB_LOG": ""])
        #expect(result.status == 2)
        #expect(files() == before, "no log file without --log or AILAB_LOG")
        #expect(!result.stderr.contains("info http:") && !result.stdout.contains("info http:"), "nor a log on the terminal")
    }

    @Test func aLogThatCannotBeWrittenIsSaidAndStops() throws {
        let result = try AilabBinary.run(["status", "--log", "/nonexistent-ailab-dir/ailab.log", "--host", "unix:///nonexistent"])
        #expect(result.status == 64, "a usage error, before anything is done")
        #expect(result.stderr.contains("cannot write the log file /nonexistent-ailab-dir/ailab.log: No such file or directory"), "\(result.stderr)")
    }
}

/// The same against the private engine: engine calls answered, a probe, an action.
@Suite(.serialized, .enabled(if: TestEngine.enabled))
struct CommandLogOnEngineTests {
    @Test func logsCallsProbesAndActions() async throws {
        try await EngineLab.with { lab in
            try await lab.run("qdrant", .healthy, hostPort: freePort())
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-\(lab.project).log").path
            defer { try? FileManager.default.removeItem(atPath: log) }
            let common = ["--catalog", lab.catalogPath, "--host", TestEngine.host!, "--log", log]
            _ = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy }
            let status = try AilabBinary.run(["status"] + common)
            #expect(status.status == 0 || status.status == 1, "\(status.stderr)")
            let stop = try AilabBinary.run(["stop", "qdrant", "--yes"] + common, environment: ["XDG_STATE_HOME": FileManager.default.temporaryDirectory.path + "/xdg-\(lab.project)"])
            #expect(stop.status == 0, "\(stop.stderr)")
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(text.contains("list containers: GET /v1.41/containers/json") && text.contains("→ 200 in "), "\(text)")
            #expect(text.contains("info probe: qdrant: "), "\(text)")
            #expect(text.contains("info action: stop qdrant: done"), "\(text)")
        }
    }
}
