import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LiveLab {
    /// What the live lab asks the events stream for: containers' lifecycle, and the Swarm's
    /// `service` and `node` events (create, update, remove), which engines of API 1.30 and
    /// later emit on a manager (Engine API, SystemEvents: "Services report these events:
    /// create, update, and remove. Nodes report these events: create, update, and remove";
    /// EventMessage Type `service`/`node`, scope `swarm`:
    /// https://docs.docker.com/reference/api/engine/version/v1.41/#tag/System/operation/SystemEvents,
    /// https://docs.docker.com/reference/api/engine/version/v1.57/schemas/EventMessage/).
    /// Filters of different keys are ANDed, so `remove` joins the actions.
    public static let eventQuery = EventQuery(types: ["container", "service", "node"], actions: EventQuery.containerLifecycle + ["remove"])

    /// Whether an event says the Swarm changed: a service or node event, or a task's container
    /// (it carries the task's service id label) changing on this node.
    static func touchesSwarm(_ event: EngineEvent) -> Bool {
        event.type == "service" || event.type == "node" || event.attributes["com.docker.swarm.service.id"] != nil
    }

    /// Reads the Swarm when the event stream says it changed (`touchesSwarm`), then again after
    /// 1, 2, 4, 8 s while it is not settled (`SwarmState.isSettled`: a scale's tasks start on
    /// other nodes, whose progress raises no event here), and otherwise only every
    /// `swarmSafetyInterval` (30 s): to notice a `swarm init` or join (no event on a node that
    /// is not a manager yet) and anything an event stream lost while it reconnected. Tells the
    /// consumer only when the Swarm changed.
    func swarmLoop(_ yield: @Sendable (LabUpdate) -> Void) async {
        let loader = SnapshotLoader(client: client, catalog: catalog)
        var settling = Duration.seconds(1)
        while !Task.isCancelled {
            var unsettled = false
            do {
                let fresh = try await loader.swarmState()
                unsettled = fresh.map { $0.isManager && !$0.isSettled } ?? false
                if fresh != swarm {
                    swarm = fresh
                    yield(.snapshot(snapshot))
                }
            } catch {
                // The engine did not answer: the event follower says so, and rings on reconnect.
            }
            let pause = unsettled ? settling : swarmSafetyInterval
            settling = unsettled ? min(settling * 2, .seconds(8)) : .seconds(1)
            if await swarmBell.wait(upTo: pause) { settling = .seconds(1) }
        }
    }
}
