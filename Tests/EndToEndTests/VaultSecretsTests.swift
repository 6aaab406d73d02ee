import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
import TestSupport
import Testing

/// A fake Vault speaking the two APIs ailab uses: `GET /v1/sys/health` (200, or 503 sealed)
/// and KV v2 under `secret/` (`POST` writes `{"data": {...}}`, `GET` answers `{"data": {"data": {...}}}`).
final class FakeVault: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [String: [String: String]] = [:]
    private var writes: [(path: String, token: String?, body: String)] = []
    let sealed: Bool
    private(set) var server: FakeHTTPServer!

    init(sealed: Bool = false) throws {
        self.sealed = sealed
        server = try FakeHTTPServer(full: { [unowned self] method, path, headers, body in answer(method, path, headers, body) })
    }

    var address: String { "http://127.0.0.1:\(server.port)" }
    var posted: [(path: String, token: String?, body: String)] { lock.withLock { writes } }

    func set(_ path: String, _ values: [String: String]) { lock.withLock { data[path] = values } }

    private func answer(_ method: String, _ path: String, _ headers: [String: String], _ body: String) -> (status: Int, body: String) {
        if path.hasPrefix("/v1/sys/health") { return sealed ? (503, #"{"initialized":true,"sealed":true}"#) : (200, #"{"initialized":true,"sealed":false}"#) }
        guard !sealed else { return (503, #"{"errors":["Vault is sealed"]}"#) }
        guard headers["x-vault-token"] == "s.test-token" else { return (403, #"{"errors":["permission denied"]}"#) }
        let key = String(path.dropFirst("/v1/".count))
        if method == "POST" {
            let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            lock.withLock {
                writes.append((key, headers["x-vault-token"], body))
                data[key] = (object?["data"] as? [String: String]) ?? [:]
            }
            return (200, #"{"data":{"version":1}}"#)
        }
        guard let values = lock.withLock({ data[key] }), let json = try? JSONSerialization.data(withJSONObject: ["data": ["data": values, "metadata": ["version": 1]]]) else {
            return (404, #"{"errors":[]}"#)
        }
        return (200, String(decoding: json, as: UTF8.self))
    }
}

/// `ailab secrets [--to-vault]` against a fake Vault, and a recreate reading from it.
@Suite(.serialized)
struct VaultSecretsTests {
    static let yaml = """
        name: PROJECT
        services:
          app:
            image: ailab-fixture/httpd:1
            environment:
              APP_PASSWORD: ${APP_PASSWORD}
              MARK: "1"
            stop_grace_period: 1s
            x-ailab: {layer: app, secrets: [APP_PASSWORD]}
        """

    /// A state home holding APP_PASSWORD in the file store, and the catalog; removed by the caller.
    static func lab() throws -> (home: String, catalog: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("vault-\(UUID().uuidString.prefix(8))").path
        let state = home + "/ailab"
        try FileManager.default.createDirectory(atPath: state + "/secrets", withIntermediateDirectories: true)
        chmod(state + "/secrets", 0o700)
        FileManager.default.createFile(atPath: state + "/secrets/APP_PASSWORD", contents: Data("file-value-123".utf8), attributes: [.posixPermissions: 0o600])
        try yaml.replacingOccurrences(of: "PROJECT", with: "vaulttest").write(toFile: home + "/lab.yaml", atomically: true, encoding: .utf8)
        return (home, home + "/lab.yaml")
    }

    @Test func toVaultCopiesEverySecretAndTheListSaysWhereEachLivesWithoutValues() throws {
        let (home, catalog) = try Self.lab()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let vault = try FakeVault()
        defer { vault.server.stop() }
        let environment = ["XDG_STATE_HOME": home, "VAULT_ADDR": vault.address, "VAULT_TOKEN": "s.test-token"]

        let before = try AilabBinary.run(["secrets", "--catalog", catalog], environment: environment)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("APP_PASSWORD  file \(home)/ailab/secrets/APP_PASSWORD  app"), "\(before.stdout)")

        let copied = try AilabBinary.run(["secrets", "--to-vault", "--catalog", catalog], environment: environment)
        #expect(copied.status == 0, "\(copied.stderr)")
        let write = try #require(vault.posted.first)
        #expect(write.path == "secret/data/ailab" && write.token == "s.test-token")
        #expect(write.body == #"{"data":{"APP_PASSWORD":"file-value-123"}}"#)
        #expect(VaultRecord.load(stateDirectory: home + "/ailab")?.names == ["APP_PASSWORD"])
        #expect(copied.stdout.contains("APP_PASSWORD  vault secret/data/ailab at \(vault.address)"), "\(copied.stdout)")
        let injected = try AilabBinary.run(["secrets", "--to-vault", "--path", "x HTTP/1.1\r\nX-Evil: 1", "--catalog", catalog], environment: environment)
        #expect(injected.status == 3 && injected.stderr.contains("only letters, digits"), "\(injected.stderr)")
        #expect(vault.posted.count == 1)
        for output in [before.stdout, before.stderr, copied.stdout, copied.stderr] {
            #expect(!output.contains("file-value-123") && !output.contains("s.test-token"))
        }
    }

    @Test func aSealedVaultIsRefusedAndNothingIsWritten() throws {
        let (home, catalog) = try Self.lab()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let vault = try FakeVault(sealed: true)
        defer { vault.server.stop() }
        let result = try AilabBinary.run(
            ["secrets", "--to-vault", "--catalog", catalog], environment: ["XDG_STATE_HOME": home, "VAULT_ADDR": vault.address, "VAULT_TOKEN": "s.test-token"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("refused; nothing was written: Vault at \(vault.address) is sealed: unseal it"), "\(result.stderr)")
        #expect(vault.posted.isEmpty)
        #expect(VaultRecord.load(stateDirectory: home + "/ailab") == nil)
        let noToken = try AilabBinary.run(["secrets", "--to-vault", "--catalog", catalog], environment: ["XDG_STATE_HOME": home, "VAULT_ADDR": "http://127.0.0.1:1"])
        #expect(noToken.status == 3 && noToken.stderr.contains("does not answer"), "\(noToken.stderr)")
    }

    /// Once the secrets live in Vault, a recreate reads Vault's value (changed there since the
    /// copy), not the file's; without VAULT_TOKEN it fails before touching the container.
    @Test(.enabled(if: TestEngine.enabled)) func aRecreateReadsTheSecretFromVault() async throws {
        let vault = try FakeVault()
        defer { vault.server.stop() }
        try await EngineLab.withProject(yaml: Self.yaml) { lab in
            let install = try lab.cli(["install", "app", "--wait", "30"])
            #expect(install.status == 0, "\(install.stderr)")
            let stored = try #require(SecretStore(stateDirectory: lab.stateDirectory).value("APP_PASSWORD"))
            try VaultRecord(address: vault.address, mount: "secret", path: "ailab", names: ["APP_PASSWORD"]).save(stateDirectory: lab.stateDirectory)
            vault.set("secret/data/ailab", ["APP_PASSWORD": "rotated-in-vault"])

            try String(contentsOfFile: lab.catalogPath, encoding: .utf8).replacingOccurrences(of: "MARK: \"1\"", with: "MARK: \"2\"")
                .write(toFile: lab.catalogPath, atomically: true, encoding: .utf8)
            let tokenless = try lab.cli(["install", "app", "--yes", "--wait", "30"])
            #expect(tokenless.status == 1 && tokenless.stderr.contains("set VAULT_TOKEN"), "\(tokenless.stderr)")

            let recreate = try lab.cli(["install", "app", "--yes", "--wait", "30"], environment: ["VAULT_TOKEN": "s.test-token"])
            #expect(recreate.status == 0, "\(recreate.stderr)")
            let id = try #require(try await lab.snapshot { $0.status(of: "app")?.containers.first?.labels["com.docker.compose.config-hash"] != nil }.status(of: "app")?.containers.first?.id)
            let env = try await lab.client.inspectContainer(id).config.env
            #expect(env.contains("APP_PASSWORD=rotated-in-vault"), "\(env.filter { $0.hasPrefix("MARK") })")
            #expect(env.contains("MARK=2"))
            #expect(!env.contains("APP_PASSWORD=\(stored)"))
        }
    }
}
