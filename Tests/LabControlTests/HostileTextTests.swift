@testable import ailab
@testable import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import TestSupport
import Testing

/// Strings from the engine, a catalog or a probed service are data, never terminal commands:
/// shown escaped on a terminal, exact in JSON. And a secret stored after a masker was made is
/// masked all the same.
@Suite struct HostileTextTests {
    /// No control character but the newline; no C1 control (U+0080–U+009F), which some
    /// terminals take for ESC-sequences too.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
    }

    static let title = "\u{1B}]0;pwned\u{07}"
    static let name = "evil\u{1B}[2J\u{9B}31m"

    func hostileSnapshot() throws -> LabSnapshot {
        let engine = EngineInfo(endpoint: "unix:///x.sock", reachable: true, version: "20.10" + Self.title, apiVersion: "1.41")
        let other = ContainerStatus(summary: ContainerSummary(
            id: "id-evil", names: ["/" + Self.name], image: "busybox", state: "running", status: "Up\u{1B}[8m",
            ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 9999, type: "tcp\u{1B}[31m")], labels: [:]))
        return LabSnapshot(catalog: try Fixtures.catalog(), engine: engine, containers: [other])
    }

    @Test func statusPrintsEngineTextEscaped() throws {
        let table = StatusCommand.output(try hostileSnapshot(), json: false, masker: SecretMasker(store: nil))
        #expect(Self.isInert(table), "\(table.debugDescription)")
        #expect(table.contains(#"20.10\x1b]0;pwned\x07"#), "\(table)")
        #expect(table.contains(#"evil\x1b[2J\u{009b}31m"#), "\(table)")
        #expect(table.contains(#"9999/tcp\x1b[31m"#), "\(table)")
    }

    @Test func statusJSONIsExactAndInert() throws {
        let json = StatusCommand.output(try hostileSnapshot(), json: true, masker: SecretMasker(store: nil))
        #expect(Self.isInert(json), "\(json.debugDescription)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["engine"] as? [String: Any])?["version"] as? String == "20.10" + Self.title)
        let other = try #require((object["other"] as? [[String: Any]])?.first)
        #expect(other["name"] as? String == Self.name)
        #expect((other["ports"] as? [[String: Any]])?.first?["protocol"] as? String == "tcp\u{1B}[31m")
    }

    /// The binary end to end: a catalog whose title and keys hold escape sequences, an engine
    /// address holding one (it is repeated in the unreachable error), stdout and stderr inert.
    @Test func aHostileCatalogAndEngineErrorReachNoTerminalRaw() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-hostile-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = directory + "/lab.yaml"
        try """
            name: lab
            x-ailab: {title: "Lab \\e]0;pwned\\a"}
            services:
              web:
                image: example/web:1
                x-ailab: {layer: app, "odd\\e[2J": 1}
            """.write(toFile: catalog, atomically: true, encoding: .utf8)
        let arguments = ["status", "--catalog", catalog, "--host", "unix://\(directory)/no\u{1B}[2J.sock", "--timeout", "1"]
        let environment = ["XDG_STATE_HOME": directory, "XDG_CONFIG_HOME": directory]
        let table = try AilabBinary.run(arguments, environment: environment)
        #expect(table.status == 2)
        #expect(Self.isInert(table.stdout) && Self.isInert(table.stderr), "\(table.stdout.debugDescription)\n\(table.stderr.debugDescription)")
        #expect(table.stdout.contains(#"Lab \x1b]0;pwned\x07"#), "\(table.stdout)")
        #expect(table.stderr.contains(#"odd\x1b[2J"#) && table.stderr.contains(#"no\x1b[2J.sock"#), "\(table.stderr)")
        let json = try AilabBinary.run(arguments + ["--json"], environment: environment)
        #expect(Self.isInert(json.stdout) && Self.isInert(json.stderr), "\(json.stdout.debugDescription)\n\(json.stderr.debugDescription)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["engine"] as? [String: Any])?["endpoint"] as? String == "unix://\(directory)/no\u{1B}[2J.sock")
    }

    /// A secret another install stores while a console runs is masked from then on, without the
    /// console's own action or a restart.
    @Test func aSecretStoredLaterIsMaskedAtOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-mask-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let masker = SecretMasker(store: SecretStore(stateDirectory: directory, environment: [:]))
        #expect(masker.apply("nothing to hide") == "nothing to hide")
        usleep(200_000)  // the masker has settled on an empty store
        let first = try SecretStore(stateDirectory: directory, environment: [:]).ensure("DB_PASSWORD", spec: SecretSpec())
        #expect(masker.apply("password=\(first)") == "password=\(SecretMask.mask)")
        usleep(200_000)
        let second = try SecretStore(stateDirectory: directory, environment: [:]).ensure("API_KEY", spec: SecretSpec())
        var snapshot = try hostileSnapshot()
        snapshot.others[0].lastCheck = HealthCheckRun(exitCode: 1, output: "key \(second) refused", endedAt: nil)
        #expect(masker.apply(snapshot).others[0].lastCheck?.output == "key \(SecretMask.mask) refused")
    }
}
