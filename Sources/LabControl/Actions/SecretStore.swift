#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

#if canImport(Glibc)
import Glibc
#endif

/// The lab's secrets, one file per name under `<state dir>/secrets` (directory 0700, files
/// 0600). Shared by name across the lab: langfuse's `${POSTGRES_PASSWORD}` is the value
/// postgres was installed with. Generated once, reused afterwards, never printed.
public struct SecretStore: Sendable {
    public let directory: String
    /// Where a `provided: true` secret is taken from when no file holds it yet.
    private let environment: [String: String]

    public init(stateDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = stateDirectory + "/secrets"
        self.environment = environment
    }

    /// The stored value, or nil.
    public func value(_ name: String) -> String? {
        guard Self.isValidName(name), let data = FileManager.default.contents(atPath: path(name)) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// The value to use: stored, else taken from the environment (provided) or generated, then stored.
    public func ensure(_ name: String, spec: SecretSpec) throws(StateError) -> String {
        guard Self.isValidName(name) else { throw StateError(description: "'\(name)' is not a valid secret name (letters, digits, _)") }
        if let stored = value(name) { return stored }
        let fresh: String
        if spec.provided {
            guard let given = environment[name], !given.isEmpty else { throw StateError(description: missingMessage(name)) }
            fresh = given
        } else {
            fresh = Self.generate(hexLength: spec.length)
        }
        try AtomicFile.prepareDirectory(directory)
        // Created exclusively: when another install stored this secret since we looked, its
        // value is the one both use, never two containers with two different passwords.
        if try AtomicFile.create(Data(fresh.utf8), at: path(name), mode: 0o600) { return fresh }
        guard let stored = value(name) else { throw StateError(description: "secret \(name) appeared and vanished while it was being stored; try again") }
        return stored
    }

    /// Whether `ensure` would succeed without asking anyone.
    public func isAvailable(_ name: String, spec: SecretSpec) -> Bool {
        value(name) != nil || !spec.provided || !(environment[name] ?? "").isEmpty
    }

    public func missingMessage(_ name: String) -> String {
        "secret \(name) must be provided: set \(name) in the environment for this install, or write it to \(path(name)) (mode 0600)"
    }

    /// Every stored value, so outputs can mask them wherever they appear.
    public func allValues() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { value($0) }.filter { !$0.isEmpty }
    }

    public func remove(_ name: String) {
        guard Self.isValidName(name) else { return }
        unlink(path(name))
    }

    func path(_ name: String) -> String { directory + "/" + name }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// Hex from the system's CSPRNG (getrandom on Linux).
    static func generate(hexLength: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<max(hexLength, 16)).map { _ in digits[Int(generator.next() % 16)] })
    }
}
