#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// The lab's secrets by name and where each is kept, never their values: every secret the
/// catalog declares and every file in the store (an `expose` password, a tunnel token).
public struct SecretInventory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// "file /…/secrets/NAME", "vault secret/data/ailab at http://… (file copy kept)", "not stored yet …".
        public var keptIn: String
        /// The services whose containers read it.
        public var usedBy: [String]
        public var stored: Bool
    }

    public let entries: [Entry]

    public init(catalog: Catalog, store: SecretStore, record: VaultRecord?) {
        var users: [String: [String]] = [:]
        var specs: [String: SecretSpec] = [:]
        for service in catalog.services {
            for variable in service.components.flatMap(\.environment) {
                guard let spec = variable.secret else { continue }
                specs[variable.name] = spec
                if !(users[variable.name] ?? []).contains(service.name) { users[variable.name, default: []].append(service.name) }
            }
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: store.directory)) ?? []).filter(SecretStore.isValidName)
        entries = Set(specs.keys).union(files).sorted().map { name in
            let stored = store.value(name) != nil
            let keptIn: String
            if let record, record.names.contains(name) {
                keptIn = record.location + (stored ? " (file copy kept: \(store.path(name)))" : "")
            } else if stored {
                keptIn = "file \(store.path(name))"
            } else {
                keptIn = specs[name]?.provided == true ? "not stored yet (provided: set \(name) on first install)" : "not stored yet (generated on first install)"
            }
            return Entry(name: name, keptIn: keptIn, usedBy: users[name] ?? [], stored: stored)
        }
    }
}
