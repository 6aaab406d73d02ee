#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// Gives catalog values their final text: a variable the catalog declares as a secret comes
/// from the secret store (generated on first use), any other from ailab's environment.
public struct VariableResolver: Sendable {
    public let secrets: SecretStore
    /// Every secret the catalog declares, by name: shared across services.
    public let secretSpecs: [String: SecretSpec]
    let environment: [String: String]
    /// Values read from Vault for the secrets recorded there (see `withVault`): they win.
    public var fromVault: [String: String] = [:]

    public init(catalog: Catalog, secrets: SecretStore, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.secrets = secrets
        self.environment = environment
        var specs: [String: SecretSpec] = [:]
        for service in catalog.services {
            for variable in service.components.flatMap(\.environment) {
                if let spec = variable.secret { specs[variable.name] = spec }
            }
        }
        secretSpecs = specs
    }

    /// The final text; creates secrets that do not exist yet.
    public func resolve(_ text: String, context: String) throws(InterpolationError) -> String {
        var failure: StateError?
        let result = try Interpolation.expand(text, context: context) { name in
            if let value = fromVault[name] { return value }
            guard let spec = secretSpecs[name] else { return environment[name] }
            do throws(StateError) { return try secrets.ensure(name, spec: spec) } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw InterpolationError(description: "\(context): \(failure.description)") }
        return result
    }

    /// What would stop `resolve` for this component, without creating anything: a secret only
    /// the person can give, or a malformed or required-but-unset variable.
    public func problems(in component: Component) -> [String] {
        var problems: [String] = []
        for (text, context) in Self.values(of: component) {
            do {
                _ = try Interpolation.expand(text, context: context) { name in
                    guard let spec = secretSpecs[name] else { return environment[name] }
                    if !secrets.isAvailable(name, spec: spec) {
                        problems.append(secrets.missingMessage(name))
                        return nil
                    }
                    return "available"
                }
            } catch {
                problems.append(error.description)
            }
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0).inserted }
    }

    static func values(of component: Component) -> [(String, String)] {
        var values = component.environment.map { ($0.value ?? "${\($0.name)}", "\(component.name) environment \($0.name)") }
        values += (component.command ?? []).map { ($0, "\(component.name) command") }
        values += (component.entrypoint ?? []).map { ($0, "\(component.name) entrypoint") }
        return values
    }
}
