import ConsoleEffects
import LabCatalog
import LabControl
import LabLive

extension ConsoleApp {
    /// Watches several engines as one lab: each with its own live lab, and effects routed to
    /// the engine they concern. With one engine nothing changes.
    func watch(_ engines: [EngineSetLoader.Engine], catalog: Catalog, store: StateStore) {
        guard engines.count > 1 else { return }
        labSet = LabSet(engines: engines, catalog: catalog, lastSeen: LastSeenFile(stateDirectory: store.directory).read())
        effects.routes = Dictionary(engines.map { engine in
            (engine.name, EngineRoute(
                client: engine.client, engine: DockerEffectEngine(client: engine.client),
                actions: LabActions(client: engine.client, catalog: catalog, stateDirectory: store.directory)))
        }, uniquingKeysWith: { first, _ in first })
    }
}
