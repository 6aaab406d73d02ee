import Foundation
@testable import ailab
import TestSupport
import Testing

/// `ailab config` and the global options, through the built binary (no engine needed).
@Suite struct ConfigCommandTests {
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-config-\(UUID())").appendingPathComponent("shop").path
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let compose = """
        services:
          api:
            image: "shop/api:${TAG:-1}"
            ports: ["${PORT:-9000}:9000"]
            environment: {DB_PASSWORD: "${DB_PASSWORD}", MODE: prod}
            healthcheck: {test: ["CMD-SHELL", "test $$HOME"]}
          gpu: {image: shop/gpu, profiles: [gpu]}
        """

    @Test func globalOptionsMoveAfterTheCommandWhereverTheyAre() {
        let commands: Set<String> = ["status", "config"]
        #expect(GlobalArguments.reordered(["--catalog", "F", "-p", "x", "status", "--json"], commands: commands)
            == ["status", "--catalog", "F", "-p", "x", "--json"])
        #expect(GlobalArguments.reordered(["--env-file=e", "--show-secrets", "config"], commands: commands) == ["config", "--env-file=e", "--show-secrets"])
        #expect(GlobalArguments.reordered(["-f", "F"], commands: commands) == ["-f", "F"])
        #expect(GlobalArguments.reordered(["--help"], commands: commands) == ["--help"])
    }

    @Test func configPrintsTheResolvedModelWithSecretsMaskedAndLongPorts() throws {
        let dir = try Self.folder(["compose.yaml": Self.compose, ".env": "TAG=2\nDB_PASSWORD=hunter2\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Options before the command, and the env's PORT over .env.
        let result = try AilabBinary.run(["-f", dir + "/compose.yaml", "config"], environment: ["PORT": "9100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("name: shop\n"))
        #expect(result.stdout.contains("shop/api:2"))
        #expect(result.stdout.contains("published: \"9100\""))
        #expect(result.stdout.contains("test $$HOME"))
        #expect(!result.stdout.contains("hunter2") && result.stdout.contains("DB_PASSWORD: '********'"))
        #expect(!result.stdout.contains("gpu"))
        let shown = try AilabBinary.run(["config", "--show-secrets", "-f", dir + "/compose.yaml", "--json"])
        #expect(shown.stdout.contains("\"DB_PASSWORD\" : \"hunter2\""), "\(shown.stdout)")
        let services = try AilabBinary.run(["--profile", "gpu", "config", "--services", "-f", dir + "/compose.yaml", "-p", "other"])
        #expect(services.stdout == "api\ngpu\n")
    }

    @Test func configExitsThreeWithEveryErrorAndStatusTakesOptionsFirst() throws {
        let dir = try Self.folder(["compose.yaml": "services:\n  a:\n    image: x\n    ports: [\"99999:1\"]\n  b:\n    image: \"${NEED:?set NEED}\"\n  c:\n    image: y\n    depends_on: [ghost]\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try AilabBinary.run(["config", "--catalog", dir + "/compose.yaml"])
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first?.contains("compose.yaml:4:") == true && lines.last?.contains("ghost") == true)
        // Global options before the subcommand: no usage error (64); an invalid file is exit 3.
        let status = try AilabBinary.run(["--catalog", dir + "/compose.yaml", "--host", "unix:///nonexistent.sock", "status"])
        #expect(status.status == 3, "\(status.stderr)")
        let help = try AilabBinary.run(["--help"])
        for option in ["--catalog", "--project-name", "--profile", "--env-file", "--theme", "--host"] {
            #expect(help.stdout.contains(option), "ailab --help lacks \(option)")
        }
    }

    @Test func aMergeBombEndsInExitThreeNamingItsPlace() throws {
        var yaml = "x-0: &m0 {a: 1, b: 2}\n"
        for level in 1...30 { yaml += "x-\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)], k\(level): v}\n" }
        yaml += "services:\n  a:\n    <<: *m30\n    image: x\n"
        let dir = try Self.folder(["compose.yaml": yaml])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try AilabBinary.run(["status", "-f", dir + "/compose.yaml", "--host", "unix:///nonexistent.sock"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("compose.yaml:") && result.stderr.contains("catalog too large or self-referencing"), "\(result.stderr)")
        #expect(result.seconds < 30)
    }
}
