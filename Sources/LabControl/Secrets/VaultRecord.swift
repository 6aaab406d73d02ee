#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which of the lab's secrets live in Vault, and where: `<state dir>/vault.json` (0600; it
/// holds names and an address, never a value or a token). Written by `ailab secrets
/// --to-vault`; when it names secrets, a recreate reads their values from Vault (with
/// `VAULT_TOKEN`) instead of the file store, which keeps its copies (the default store, and
/// what output masking reads).
public struct VaultRecord: Sendable, Equatable, Codable {
    public var address: String
    /// The KV v2 engine's mount (`secret`) and the one secret's path under it (`ailab`).
    public var mount: String
    public var path: String
    public var names: [String]

    public init(address: String, mount: String, path: String, names: [String]) {
        self.address = address
        self.mount = mount
        self.path = path
        self.names = names
    }

    public static func file(stateDirectory: String) -> String { stateDirectory + "/vault.json" }

    /// The record, or nil when there is none (or it cannot be read: then the file store is used).
    public static func load(stateDirectory: String) -> VaultRecord? {
        guard let data = FileManager.default.contents(atPath: file(stateDirectory: stateDirectory)) else { return nil }
        return try? JSONDecoder().decode(VaultRecord.self, from: data)
    }

    public func save(stateDirectory: String) throws(StateError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { throw StateError(description: "encode the Vault record") }
        try AtomicFile.prepareDirectory(stateDirectory)
        try AtomicFile.write(data, to: Self.file(stateDirectory: stateDirectory), mode: 0o600)
    }

    /// "vault secret/data/ailab at http://127.0.0.1:8200".
    public var location: String { "vault \(mount)/data/\(path) at \(address)" }
}
