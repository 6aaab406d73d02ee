import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl

/// `ailab secrets [--to-vault]`: the lab's secrets by name and where each is kept; with
/// `--to-vault`, copies them into Vault's KV v2 store and records that they live there.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "List the lab's secrets by name and where each is kept (never their values); --to-vault copies them into Vault.",
        discussion: """
            --to-vault checks that Vault is initialised and unsealed (GET /v1/sys/health), then \
            writes every stored secret as one KV v2 secret (MOUNT/data/PATH, default \
            secret/data/ailab) and records the names in the state directory's vault.json. From \
            then on a service's next install or recreate reads those values from Vault (with \
            VAULT_TOKEN in the environment) instead of the file store, which keeps its copies and \
            stays the default for new secrets. The token is VAULT_TOKEN, else asked for by name \
            on the terminal (input hidden); it is never stored or printed. The address is \
            --vault-addr, else VAULT_ADDR, else the lab's vault service's published port.

            Exit status:
              0  listed, or copied
              1  Vault refused or failed the write
              3  refused before anything was written: Vault unreachable, not initialised or sealed, no token, or nothing stored to copy
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(name: .customLong("to-vault"), help: "Copy the stored secrets into Vault's KV v2 store.")
    var toVault = false

    @Option(name: .customLong("vault-addr"), help: "Vault's address (http://HOST:PORT).")
    var vaultAddress: String?

    @Option(name: .long, help: "The KV v2 engine's mount.") var mount = "secret"
    @Option(name: .long, help: "The secret's path under the mount.") var path = "ailab"

    func run() async throws {
        let catalog = try options.loadCatalog()
        let store = SecretStore(stateDirectory: options.stateDirectory, environment: options.environment)
        if toVault { try await copy(catalog: catalog, store: store) }
        let inventory = SecretInventory(catalog: catalog, store: store, record: VaultRecord.load(stateDirectory: options.stateDirectory))
        let rows = inventory.entries.map { [$0.name, $0.keptIn, $0.usedBy.isEmpty ? "-" : $0.usedBy.joined(separator: ",")] }
        Stdout.line(StatusTable.table([["SECRET", "KEPT IN", "USED BY"]] + rows).joined(separator: "\n"))
    }

    private func copy(catalog: Catalog, store: SecretStore) async throws {
        let names = SecretInventory(catalog: catalog, store: store, record: nil).entries.filter(\.stored).map(\.name)
        guard !names.isEmpty else { try refuse("no secret is stored yet: install something first") }
        let address = vaultAddress ?? options.environment["VAULT_ADDR"] ?? Self.labVault(catalog)
        do {
            try await VaultClient(address: address, token: nil).checkReady()
            guard let token = ProvidedSecret.ask("VAULT_TOKEN", why: "a Vault token allowed to write \(mount)/data/\(path)", environment: options.environment) else {
                try refuse("no Vault token: set VAULT_TOKEN, or run this on a terminal to be asked for it")
            }
            let values = Dictionary(uniqueKeysWithValues: names.compactMap { name in store.value(name).map { (name, $0) } })
            try await VaultClient(address: address, token: token).write(mount: mount, path: path, values: values)
        } catch let error as VaultError {
            if error.refused { try refuse(error.description) }
            Stderr.line("failed: \(error.description)")
            throw ExitCode(1)
        }
        do {
            try VaultRecord(address: address, mount: mount, path: path, names: names).save(stateDirectory: options.stateDirectory)
        } catch {
            Stderr.line("failed: the secrets are in Vault but recording it failed: \(error.description)")
            throw ExitCode(1)
        }
        Stdout.line("copied \(names.count) secrets to vault \(mount)/data/\(path) at \(address); installs and recreates read them from there (with VAULT_TOKEN)")
    }

    private func refuse(_ why: String) throws -> Never {
        Stderr.line("refused; nothing was written: \(why)")
        throw ExitCode(3)
    }

    /// The lab's own Vault: its published port for 8200 on this host.
    static func labVault(_ catalog: Catalog) -> String {
        let port = catalog.service(named: "vault")?.ports.first { $0.container == 8200 }?.host ?? 8200
        return "http://127.0.0.1:\(port)"
    }
}
