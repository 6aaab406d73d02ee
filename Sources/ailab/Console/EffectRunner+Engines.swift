import DockerClient
import LabControl

/// With several engines, each effect goes to the engine it concerns: a container's logs, stats
/// and inspect to the engine that runs it, an action to the engine its services are on (issue 16).
struct EngineRoute {
    let client: DockerClient
    let actions: LabActions
}

extension EffectRunner {
    /// The client of the engine that runs container `id`; the default engine's when unknown.
    func client(forContainer id: String, in snapshot: LabSnapshot) -> DockerClient {
        guard let name = snapshot.allContainers.first(where: { $0.id == id })?.engine else { return client }
        return routes[name]?.client ?? client
    }

    /// The actions of the engine the first named service is on (`LabSnapshot+Engines`).
    func actions(for services: [String], in snapshot: LabSnapshot) -> LabActions {
        guard let name = services.lazy.compactMap({ snapshot.status(of: $0)?.engine }).first else { return actions }
        return routes[name]?.actions ?? actions
    }
}
