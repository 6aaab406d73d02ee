import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LiveLab {
    /// Reads the Swarm again every 2 s while the engine is a manager, every 30 s otherwise (to
    /// notice a `swarm init` or join), and tells the consumer only when it changed. Polled because
    /// the engine has no event for a task's state (its events cover services and nodes, and
    /// containers of this node only), and a replica on another node changes nothing here.
    func swarmLoop(_ yield: @Sendable (LabUpdate) -> Void) async {
        let loader = SnapshotLoader(client: client, catalog: catalog)
        while !Task.isCancelled {
            var manager = swarm?.isManager ?? false
            do {
                let fresh = try await loader.swarmState()
                manager = fresh?.isManager ?? false
                if fresh != swarm {
                    swarm = fresh
                    yield(.snapshot(snapshot))
                }
            } catch {
                // The engine did not answer: the event follower says so; the last Swarm stays.
            }
            try? await Task.sleep(for: manager ? .seconds(2) : .seconds(30))
        }
    }
}
