import DockerClient
import LabControl
import LabModel

/// With several engines, each effect goes to the engine it concerns: a container's logs, stats
/// and inspect to the engine that runs it, an action to the engine its services are on (issue 16).
public struct EngineRoute {
    /// For what the run loop does itself with an engine (a shell).
    public let client: DockerClient
    public let engine: any EffectEngine
    public let actions: LabActions

    public init(client: DockerClient, engine: any EffectEngine, actions: LabActions) {
        self.client = client
        self.engine = engine
        self.actions = actions
    }
}

extension EffectRunner {
    /// The engine that runs container `id`; the default engine when unknown.
    func engine(forContainer id: String, in snapshot: LabSnapshot?) -> any EffectEngine {
        guard let name = snapshot?.allContainers.first(where: { $0.id == id })?.engine else { return engine }
        return routes[name]?.engine ?? engine
    }

    /// The client of the engine that runs container `id`, when several engines are watched;
    /// nil means the default engine's.
    public func client(forContainer id: String, in snapshot: LabSnapshot) -> DockerClient? {
        guard let name = snapshot.allContainers.first(where: { $0.id == id })?.engine else { return nil }
        return routes[name]?.client
    }

    /// The actions of the engine the first named service is on (`LabSnapshot+Engines`).
    func actions(for services: [String], in snapshot: LabSnapshot) -> LabActions {
        guard let name = services.lazy.compactMap({ snapshot.status(of: $0)?.engine }).first else { return actions }
        return routes[name]?.actions ?? actions
    }
}
