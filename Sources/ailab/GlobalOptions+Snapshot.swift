import DockerClient
import LabControl
import LabModel
import LabLive

extension GlobalOptions {
    /// The catalog (exit 3 when broken), a client (exit 2 when the address is bad) and the lab as
    /// the engine has it now: what `status` and `exposure` start from.
    /// Every watched engine is read (`--engine`, repeatable); `client` is the default engine's.
    func loadSnapshot() async throws -> (snapshot: LabSnapshot, client: DockerClient) {
        let catalog = try loadCatalog()
        let engines = try engineTargets().map { EngineSetLoader.Engine(name: $0.name, client: $0.client(requestTimeout: requestTimeout)) }
        guard engines.count > 1 else { return (await EngineSetLoader(engines: engines, catalog: catalog).load(), engines[0].client) }
        let seen = LastSeenFile(stateDirectory: stateDirectory)
        let snapshot = await EngineSetLoader(engines: engines, catalog: catalog).load(lastSeen: seen.read())
        seen.write(snapshot.lastSeen)
        return (snapshot, engines[0].client)
    }
}
