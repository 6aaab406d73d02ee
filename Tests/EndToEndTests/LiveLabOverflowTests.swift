import DockerClient
import Foundation
import LabCatalog
@testable import LabLive
import Testing


/// Issue 11, item 5: events the follower had to drop (a consumer that fell behind) are made
/// good by a full resync, so a lost `destroy` leaves no ghost row.
extension StatusOnEngineTests {
    @Test func anOverflowResyncsAndTheGhostOfALostDestroyGoes() async throws {
        try await EngineLab.with { lab in
            let id = try await lab.run("qdrant", .noCheck)
            let live = LiveLab(client: lab.client, catalog: lab.catalog)
            _ = await live.apply(.connected(try await lab.client.version()))
            #expect(await live.snapshot.status(of: "qdrant")?.containers.map(\.id) == [id])
            // Removed while its events were among those dropped: the lab still holds it.
            try await lab.client.removeContainer(id, force: true)
            #expect(await live.snapshot.status(of: "qdrant")?.containers.map(\.id) == [id])
            let resynced = await live.apply(.overflowed(at: Date()))
            #expect(!resynced.isEmpty)
            #expect(await live.snapshot.status(of: "qdrant")?.containers.isEmpty == true, "a ghost row stayed")
            // A loss from before that resync is already covered: no second full read.
            #expect(await live.apply(.overflowed(at: Date.distantPast)).isEmpty)
        }
    }
}
