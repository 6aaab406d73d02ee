import DockerClient
import LabModel
import LabLive

extension GlobalOptions {
    /// The catalog (exit 3 when broken), a client (exit 2 when the address is bad) and the lab as
    /// the engine has it now: what `status` and `exposure` start from.
    func loadSnapshot() async throws -> (snapshot: LabSnapshot, client: DockerClient) {
        let catalog = try loadCatalog()
        let client = try makeClient()
        return (await SnapshotLoader(client: client, catalog: catalog).load(), client)
    }
}
