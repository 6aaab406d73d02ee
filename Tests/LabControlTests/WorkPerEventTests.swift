import DockerClient
import Foundation
import LabCatalog
@testable import LabLive
@testable import LabModel
import Testing

/// Issue 17's "work per event proportional to what changed": config hashes cached per
/// component value (never stale), and the engine feed read in batches.
struct WorkPerEventTests {
    @Test func aCachedConfigHashIsTheHashOfTheComponentAsItIsNow() throws {
        let catalog = try Catalog.builtIn()
        let component = try #require(catalog.services.first { $0.name == "litellm" }?.primary)
        let first = ContainerBlueprint.hash(of: component)
        #expect(first == SHA256.hex(ContainerBlueprint.canonical(component)))
        #expect(ContainerBlueprint.hash(of: component) == first)
        var changed = component
        changed.image += "-next"
        #expect(ContainerBlueprint.hash(of: changed) == SHA256.hex(ContainerBlueprint.canonical(changed)))
        #expect(ContainerBlueprint.hash(of: changed) != first)
        // Wired to another installed service: a different component, a different hash.
        let wired = component.wired(to: Set(component.wiredTo))
        #expect(ContainerBlueprint.hash(of: wired) == SHA256.hex(ContainerBlueprint.canonical(wired)))
    }

    @Test func batchedEventsKeepTheirOrderAndTheFeedsEndIsSeen() async {
        let (feed, input) = AsyncStream<EngineFeed>.makeStream()
        let events = ["kill", "die", "start"].map { EngineEvent(type: "container", action: $0, actorID: "c1", time: 1) }
        for event in events { input.yield(.event(event)) }
        var batches = FeedBatches(feed: feed).makeAsyncIterator()
        var received: [EngineFeed] = []
        // The reader may hand them over in one go or in a few; none is lost or reordered.
        while received.count < 3, let batch = await batches.next() { received += batch }
        #expect(received.compactMap { if case .event(let e) = $0 { e.action } else { nil } } == ["kill", "die", "start"])
        input.yield(.event(events[0]))
        input.finish()
        var rest: [EngineFeed] = []
        while let batch = await batches.next() { rest += batch }
        #expect(rest.count == 1)
    }
}
