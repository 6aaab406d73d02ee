import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabLive

/// The one way into actions, for the command line and the console alike: read the engine,
/// plan, preflight, then run with a runner.
public struct LabActions: Sendable {
    public let client: DockerClient
    public let catalog: Catalog
    public let resolver: VariableResolver
    public let log: ActionLog

    public init(client: DockerClient, catalog: Catalog, stateDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.client = client
        self.catalog = catalog
        resolver = VariableResolver(catalog: catalog, secrets: SecretStore(stateDirectory: stateDirectory, environment: environment), environment: environment)
        log = ActionLog(stateDirectory: stateDirectory)
    }

    /// The plan for `request` against the engine as it is now, with preflight problems among its
    /// refusals. Throws the `DockerError` when the engine cannot be reached.
    public func prepare(_ request: ActionRequest) async throws -> ActionPlan {
        let snapshot = try await SnapshotLoader(client: client, catalog: catalog).current()
        var plan = ActionPlanner(snapshot: snapshot).plan(request)
        if plan.refusals.isEmpty, request.kind == .install {
            plan.refusals = try await Preflight(client: client, snapshot: snapshot, resolver: resolver).problems(for: plan)
            plan.warnings = ExposurePreflight.warnings(for: plan, catalog: catalog)
        }
        return plan
    }

    public func runner(healthTimeout: Duration = .seconds(180)) -> ActionRunner {
        ActionRunner(client: client, catalog: catalog, resolver: resolver, log: log, healthTimeout: healthTimeout)
    }

    /// Masks every stored secret in `text`.
    public func mask(_ text: String) -> String { SecretMasker(store: resolver.secrets).apply(text) }
}
