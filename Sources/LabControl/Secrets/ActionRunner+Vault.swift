import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension VariableResolver {
    /// The state directory the secret store lives in.
    var stateDirectory: String { Path.parent(secrets.directory) }

    /// Secrets `ailab secrets --to-vault` recorded as living in Vault, not yet read.
    public var needsVault: Bool { fromVault.isEmpty && !(VaultRecord.load(stateDirectory: stateDirectory)?.names.isEmpty ?? true) }

    /// This resolver with the recorded secrets' values read from Vault (token: `VAULT_TOKEN`).
    public func withVault() async throws(VaultError) -> VariableResolver {
        guard let record = VaultRecord.load(stateDirectory: stateDirectory) else { return self }
        guard let token = environment["VAULT_TOKEN"], !token.isEmpty else {
            throw VaultError(description: "the lab's secrets live in Vault (\(VaultRecord.file(stateDirectory: stateDirectory))): set VAULT_TOKEN to read them", refused: true)
        }
        let values = try await VaultClient(address: record.address, token: token).read(mount: record.mount, path: record.path)
        var copy = self
        copy.fromVault = values.filter { record.names.contains($0.key) }
        guard !copy.fromVault.isEmpty else {
            throw VaultError(description: "Vault's \(record.mount)/data/\(record.path) holds none of the lab's recorded secrets (\(record.names.joined(separator: ", ")))", refused: false)
        }
        return copy
    }
}

extension ActionRunner {
    enum VaultRead {
        case notNeeded
        case ready(ActionRunner)
        case failed(ActionResult)
    }

    /// A runner whose resolver holds Vault's values, when the plan creates containers and the
    /// lab's secrets live in Vault. Vault not answering fails the action before any step: it
    /// never falls back to the files silently.
    func readingVault(_ plan: ActionPlan, report: @escaping @Sendable (ActionEvent) -> Void) async -> VaultRead {
        let creates = plan.entries.contains { entry in
            switch entry.operation {
            case .install, .recreate: return true
            default: return false
            }
        }
        guard creates, resolver.needsVault else { return .notNeeded }
        let reporter = ActionReporter(action: plan.request.kind, secrets: resolver.secrets, log: log, sink: report)
        var copy = self
        do {
            copy.resolver = try await resolver.withVault()
        } catch {
            reporter.emit(plan.entries.first?.service, .failed, error.description)
            return .failed(.failed(reporter.masked(error.description)))
        }
        reporter.emit(plan.entries.first?.service, .info, "read \(copy.resolver.fromVault.count) secrets from Vault")
        return .ready(copy)
    }
}
