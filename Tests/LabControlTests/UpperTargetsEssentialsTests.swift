@testable import DockerClient
import Foundation
import LabCatalog
import LabProbes
@testable import LabControl
@testable import LabReport
@testable import LabRoadmap
import TestSupport
import Testing
@testable import ailab

/// What the upper targets write and read now that they use FoundationEssentials and Basics
/// (issue 17): the same text full Foundation wrote, which the tests here (full Foundation) use
/// as the oracle, and JSON numbers read as Int or Double alike.
@Suite struct UpperTargetsEssentialsTests {
    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ailab-essentials-\(UUID().uuidString.prefix(8))").path
    }

    @Test func pullSizesAreWhatStringFormatWrote() {
        for count: Int64 in [0, 999, 1000, 1049, 1050, 999_949, 999_999, 1_000_000, 12_345_678, 999_999_999, 1_000_000_000, 1_234_567_890_123, .max] {
            let expected: String
            if count < 1000 {
                expected = "\(count) B"
            } else if count < 1_000_000 {
                expected = String(format: "%.1f kB", Double(count) / 1000)
            } else if count < 1_000_000_000 {
                expected = String(format: "%.1f MB", Double(count) / 1_000_000)
            } else {
                expected = String(format: "%.2f GB", Double(count) / 1_000_000_000)
            }
            #expect(PullStatus.bytes(count) == expected)
        }
    }

    /// One line per event, even for "\r\n" (one Character, two scalars), stamped in UTC to the
    /// second as ISO8601DateFormatter stamped it.
    @Test func anActionLogLineIsOneLineWithItsUTCStamp() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = ActionLog(stateDirectory: directory)
        let time = Date(timeIntervalSince1970: 1_764_279_909.75)
        log.append(ActionEvent(time: time, action: .install, service: "qdrant", outcome: .failed, text: "first\r\nsecond\nthird"))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text == ISO8601DateFormatter().string(from: time) + " install qdrant: failed  first\r ⏎ second ⏎ third\n")
        #expect(log.tail(5).count == 1)
    }

    @Test func aCorruptStateFileIsKeptUnderItsLocalTimeStamp() throws {
        let store = StateStore(directory: temporaryDirectory())
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        try "not json".write(toFile: store.path, atomically: true, encoding: .utf8)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let before = formatter.string(from: Date())
        _ = try store.read()
        let after = formatter.string(from: Date())
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix("state.json.corrupt-") }
        #expect(kept.count == 1)
        #expect([before, after].map { "state.json.corrupt-\($0)-\(getpid())" }.contains(kept.first ?? ""), "\(kept)")
    }

    @Test func aDirectoryThatCannotBeMadeSaysWhyInTheSystemsWords() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "a file".write(toFile: directory + "/file", atomically: true, encoding: .utf8)
        #expect(throws: StateError.self) { try AtomicFile.prepareDirectory(directory + "/file/sub") }
        do {
            try AtomicFile.prepareDirectory(directory + "/file/sub")
        } catch {
            #expect(error.description.hasPrefix("cannot create \(directory)/file/sub: "), "\(error)")
            #expect(error.description.hasSuffix(": Not a directory") || error.description.hasSuffix(": File exists"), "\(error)")
        }
    }

    @Test func statusTimesAreWhatISO8601DateFormatterWrote() {
        for seconds in [0, 1_764_279_909.999, 951_782_400.5, -86_401.25, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StatusReport.iso(date) == ISO8601DateFormatter().string(from: date))
        }
        #expect(StatusReport.iso(nil) == nil)
    }

    @Test func roadmapDaysAreLocalCalendarDays() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        for seconds in [0, 1_764_279_909, 1_764_288_000 - 1, 1_764_288_000] {
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(RoadmapText.day(date) == formatter.string(from: date))
        }
    }

    /// Prometheus and Qdrant answer integers and fractions; a catalog's `equals: true` means JSON's true.
    @Test func metricValuesReadAsTheCatalogWritesThem() throws {
        let document = try #require(MetricChecker.document(HTTPResponse(status: 200, headers: [], body: Array(#"{"n": 3, "f": 2.5, "b": true, "s": "up", "z": null, "l": [1, 2]}"#.utf8))))
        func value(_ pointer: String) -> Any { JSONPointer.resolve(pointer, in: document) ?? "missing" }
        #expect(MetricChecker.text(value("/n")) == "3")
        #expect(MetricChecker.text(value("/f")) == "2.5")
        #expect(MetricChecker.text(value("/b")) == "true")
        #expect(MetricChecker.text(value("/s")) == "up")
        #expect(MetricChecker.text(value("/z")) == "null")
        #expect(MetricChecker.number(value("/n")) == 3 && MetricChecker.number(value("/f")) == 2.5 && MetricChecker.number(value("/b")) == nil)
        #expect(MetricChecker.judge(value("/n"), .atLeast(3), at: "/n").met)
        #expect(!MetricChecker.judge(value("/f"), .atLeast(3), at: "/f").met)
        #expect(MetricChecker.judge(value("/b"), .equals("true"), at: "/b").met)
        #expect(MetricChecker.judge(value("/l"), .countAtLeast(2), at: "/l").met)
        #expect(MetricChecker.document(HTTPResponse(status: 200, headers: [], body: Array("not json".utf8))) == nil)
    }

    @Test func metricTimesInAPathAreUTC() {
        let now = Date(timeIntervalSince1970: 1_764_279_909)
        let expected = ISO8601DateFormatter().string(from: now.addingTimeInterval(-24 * 3600))
        #expect(MetricChecker.expandingTimes("/api/public/traces?fromTimestamp={now-24h}&limit=1", now: now) == "/api/public/traces?fromTimestamp=\(expected)&limit=1")
        #expect(MetricChecker.expandingTimes("/plain", now: now) == "/plain")
    }

    /// The inspect document as JSONSerialization pretty-printed it: sorted keys, slashes as they
    /// are, numbers as the engine wrote them, escapes where JSON needs them.
    @Test func inspectPrintsAsJSONSerializationDid() throws {
        let body = #"{"Id":"abc","Args":[],"Config":{"Env":["A=1","DB_PASSWORD=hunter22","PATH=/usr/bin"],"Labels":{},"Cmd":null,"Tty":false,"StopTimeout":10,"Nano":1.5,"Big":12345678901234567,"Neg":-3,"Esc":"\u001b[0m","U":"é ✓","Q":"a\"b\\c","Tab":"\t\n","F":0.1}}"#
        let oracle = try JSONSerialization.jsonObject(with: Data(body.utf8))
        var expected = String(decoding: try JSONSerialization.data(withJSONObject: oracle, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        expected = expected.replacingOccurrences(of: "DB_PASSWORD=hunter22", with: "DB_PASSWORD=" + InspectDocument.mask)
        #expect(InspectDocument.lines(Array(body.utf8), masker: nil) == expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Vault's KV holds any JSON: its strings are read, other values left; its errors are said.
    @Test func vaultReadsStringsAndSaysItsErrors() async throws {
        let server = try FakeHTTPServer(full: { method, path, _, body in
            if method == "GET", path == "/v1/secret/data/ailab" { return (200, #"{"data": {"data": {"A": "x", "N": 3, "F": 1.5}, "metadata": {"version": 2}}}"#) }
            if method == "POST", body == #"{"data":{"A":"x\/y","B":"2"}}"# || body == #"{"data":{"A":"x/y","B":"2"}}"# { return (200, "{}") }
            return (403, #"{"errors": ["permission denied"]}"#)
        })
        defer { server.stop() }
        let vault = try VaultClient(address: "http://127.0.0.1:\(server.port)", token: "t")
        #expect(try await vault.read(mount: "secret", path: "ailab") == ["A": "x"])
        try await vault.write(mount: "secret", path: "ailab", values: ["B": "2", "A": "x/y"])
        do {
            _ = try await vault.read(mount: "secret", path: "other")
            Issue.record("a 403 must throw")
        } catch {
            #expect(error.description.contains("403 (the token was refused): permission denied"), "\(error)")
        }
    }
}
