import ArgumentParser
import DockerClient
import LabCatalog
import LabControl

/// Where an action goes when several engines are watched: to the engine a service runs on,
/// else its `x-ailab.engine`, else the default (`LabSnapshot+Engines` decides; one truth).
extension GlobalOptions {
    func client(for request: ActionRequest, catalog: Catalog) async throws -> DockerClient {
        let targets = try engineTargets()
        let clients = targets.map { EngineSetLoader.Engine(name: $0.name, client: $0.client(requestTimeout: requestTimeout)) }
        guard clients.count > 1 else { return clients[0].client }
        let snapshot = await EngineSetLoader(engines: clients, catalog: catalog).load(probing: false)
        let named = request.targets.compactMap { snapshot.status(of: $0) }
        let engines = Set(named.compactMap(\.engine))
        guard engines.count <= 1 else {
            let where_ = named.map { "\($0.service.name) on \($0.engine ?? "?")" }.joined(separator: ", ")
            Stderr.line("ailab: these services are on different engines (\(where_)): act on one engine at a time")
            throw ExitCode(2)
        }
        let name = engines.first ?? clients[0].name
        return clients.first { $0.name == name }?.client ?? clients[0].client
    }
}
