import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabLive

/// How an action ended. `exitCode` is the command line's contract.
public enum ActionResult: Sendable, Equatable {
    case done
    case failed(String)
    case cancelled
    case unreachable(String)

    public var exitCode: Int32 {
        switch self {
        case .done: return 0
        case .failed, .cancelled: return 1
        case .unreachable: return 2
        }
    }

    /// The exit code for an error before anything ran, by its type: an engine that cannot be
    /// reached is 2; anything else (the engine refusing a request of the plan's, an unreadable
    /// secrets file) is a refusal before anything changed, 3.
    public static func exitCode(planning error: any Error) -> Int32 {
        if let error = error as? DockerError, error.isConnectionFailure { return 2 }
        return 3
    }
}

/// A step failed and has already been reported with the engine's message; `cause` is the
/// engine's typed answer when it was one, for callers that accept some refusals.
struct ActionFailure: Error {
    var message: String
    var cause: DockerError?

    /// The engine said the thing is not there (404).
    var wasNotFound: Bool { if case .notFound? = cause { true } else { false } }
    /// The engine said the name is taken (409).
    var wasConflict: Bool { if case .conflict? = cause { true } else { false } }
}

/// Carries out a plan through the engine, reporting each step. Cancelling the task that runs
/// it stops at the next step (a pull stops at once: its connection is closed).
public struct ActionRunner: Sendable {
    public let client: DockerClient
    public let catalog: Catalog
    public var resolver: VariableResolver
    public let log: ActionLog?
    /// How long a started service may take to become healthy.
    public var healthTimeout: Duration
    public var pollInterval: Duration = .milliseconds(250)

    public init(client: DockerClient, catalog: Catalog, resolver: VariableResolver, log: ActionLog?, healthTimeout: Duration = .seconds(180)) {
        self.client = client
        self.catalog = catalog
        self.resolver = resolver
        self.log = log
        self.healthTimeout = healthTimeout
    }

    var loader: SnapshotLoader { SnapshotLoader(client: client, catalog: catalog) }

    /// `quit`, when given, lets the caller end the action when ailab quits (see `ActionQuit`).
    public func run(_ plan: ActionPlan, quit: ActionQuit? = nil, report: @escaping @Sendable (ActionEvent) -> Void) async -> ActionResult {
        switch await readingVault(plan, report: report) {
        case .ready(let withVault): return await withVault.run(plan, quit: quit, report: report)
        case .failed(let result): return result
        case .notNeeded: break
        }
        let reporter = ActionReporter(action: plan.request.kind, secrets: resolver.secrets, log: log, sink: report)
        quit?.attach(reporter)
        defer { quit?.finished() }
        let installed = await installedAfter(plan)
        for entry in plan.entries {
            // Wired to what is installed once this plan has run (x-ailab.wires).
            let wired = catalog.service(named: entry.service)?.wired(to: installed)
            guard wired != nil || plan.request.container != nil else { continue }
            let name = entry.service
            do {
                try Task.checkCancellation()
                if let target = plan.request.container {
                    try await runOnContainer(target, entry.operation, reporter)
                    continue
                }
                guard let service = wired else { continue }
                if entry.swarm {
                    try await runSwarm(entry.operation, service, reporter)
                    continue
                }
                switch entry.operation {
                case .nothing(let why): reporter.emit(service.name, .info, why)
                case .install(let components): try await install(service, components, replacing: false, reporter)
                case .recreate(let components): try await install(service, components, replacing: true, reporter)
                case .start: try await start(service, reporter)
                case .stop: try await stop(service, reporter)
                case .restart: try await restart(service, reporter)
                case .remove(_, let volumes): try await remove(service, volumes: volumes, reporter)
                }
            } catch is CancellationError {
                reporter.emit(name, .failed, "cancelled: the steps above are what the engine did; no step was started after them")
                return .cancelled
            } catch let failure as ActionFailure {
                return .failed(failure.message)
            } catch let error as DockerError where error.isConnectionFailure {
                reporter.emit(name, .failed, error.description)
                return .unreachable(reporter.masked(error.description))
            } catch {
                let message = reporter.masked("\(error)")
                reporter.emit(name, .failed, message)
                return .failed(message)
            }
        }
        return .done
    }

    /// The services with containers now, and those this plan installs.
    func installedAfter(_ plan: ActionPlan) async -> Set<String> {
        var names = Set((try? await loader.current())?.services.filter(\.isInstalled).map(\.service.name) ?? [])
        for entry in plan.entries {
            if case .install = entry.operation { names.insert(entry.service) }
        }
        return names
    }

    /// The service's containers now, in component order.
    func containers(of service: LabService) async throws -> [ContainerStatus] {
        try await loader.current().status(of: service.name)?.ownedContainers ?? []
    }

    /// Runs one engine call as a reported step; an engine refusal becomes an `ActionFailure`.
    /// A cancel stops before the step, never inside it: once asked, the engine finishes a
    /// create, start, stop or restart whatever we do, so the call runs in a task the cancel does
    /// not reach and its outcome is logged as the engine's (a restart cancelled mid-way is
    /// "done" when the engine did it). The action then ends at the next step.
    func step<T: Sendable>(
        _ service: String, _ text: String, _ reporter: ActionReporter, done: String? = nil, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try Task.checkCancellation()
        reporter.emit(service, .started, text)
        do {
            let value = try await Task.detached { try await body() }.value
            reporter.emit(service, .done, done ?? text)
            return value
        } catch let error as DockerError where !error.isConnectionFailure {
            let message = "\(text): \(error.engineMessage)"
            reporter.emit(service, .failed, message)
            throw ActionFailure(message: reporter.masked(message), cause: error)
        } catch let error as InterpolationError {
            reporter.emit(service, .failed, error.description)
            throw ActionFailure(message: reporter.masked(error.description))
        }
    }
}
