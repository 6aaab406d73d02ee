import DockerClient
import LabModel

/// One batch of the engine feed (`FeedBatches`) folded with at most two snapshots, whatever
/// its length: one for what the events say by themselves, shown at once, and one after the
/// engine's confirming reads, each container read once (issue 17: one snapshot per batch).
extension LiveLab {
    func take(_ batch: [EngineFeed], yield: @Sendable (LabUpdate) -> Void) async {
        // What the events say by themselves: the engine may hold a container's lock for a
        // while after it dies (network teardown), so the confirming inspect can lag ~100 ms.
        let noted = batch.map(noteState)
        let told = noted.map { $0 != nil }
        if told.contains(true) {
            // The snapshot only when the events alone change what is shown (a die, a health
            // word): a kill or a start changes nothing until the confirming read.
            let shown = noted.contains { $0 == true }
            let current = shown ? snapshot : nil
            let services = current.map(Self.serviceByContainer) ?? serviceByContainer()
            for (item, wasTold) in zip(batch, told) where wasTold {
                if case .event(let event) = item, let labEvent = LabEvent(event, service: services[event.actorID]) { yield(.event(labEvent)) }
            }
            if let current { yield(.snapshot(current)) }
        }
        var events: [(event: EngineEvent, told: Bool)] = []
        for (item, wasTold) in zip(batch, told) {
            if case .event(let event) = item {
                if Self.touchesSwarm(event) { swarmBell.ring() }
                if event.type == "container", !event.isExecNoise { events.append((event, wasTold)) }
                continue
            }
            // A connection change is folded in order, after the events before it.
            for update in await confirm(events) { yield(update) }
            events = []
            for update in await apply(item, early: yield) { yield(update) }
        }
        for update in await confirm(events) { yield(update) }
    }

    /// What an event says by itself, folded into the containers. nil when it was not about a
    /// known container; else whether it changed what is shown (state, health, exit code, or
    /// an exit marked as asked for), its `LabEvent` being told before the confirming read.
    func noteState(_ item: EngineFeed) -> Bool? {
        guard case .event(let event) = item, event.type == "container", !event.isExecNoise,
            let old = containers[event.actorID]
        else { return nil }
        var container = old
        switch event.action {
        case "kill", "stop": container.stopRequested = true
        case "start": container.stopRequested = false
        case "die":
            container.state = .exited
            container.health = .none
            container.exitCode = event.attributes["exitCode"].flatMap { Int($0) }
        case "pause": container.state = .paused
        case "unpause": container.state = .running
        default:
            if let health = event.healthStatus, container.state == .running { container.health = HealthState(engine: health) }
        }
        containers[event.actorID] = container
        return container.state != old.state || container.health != old.health || container.exitCode != old.exitCode
            || (container.stopRequested && !old.stopRequested && container.state != .running)
    }

    /// The engine's word on the containers `events` name, each read once (in turn); one
    /// snapshot after, with the events not told yet. Nothing when nothing needed reading (a
    /// kill only sends a signal: the die that follows is the change worth a round trip).
    func confirm(_ events: [(event: EngineEvent, told: Bool)]) async -> [LabUpdate] {
        guard !events.isEmpty else { return [] }
        var ids: [String] = []
        for (event, _) in events where event.action != "kill" && !ids.contains(event.actorID) { ids.append(event.actorID) }
        let destroyed = Set(events.filter { $0.event.action == "destroy" }.map(\.event.actorID))
        for id in ids {
            if destroyed.contains(id) {
                containers[id] = nil
                continue
            }
            do {
                var fresh = try await loader.containerStatus(id: id)
                // A stop asked for before this exit was seen in the stream: inspect cannot say so.
                if let old = containers[id], old.stopRequested, fresh?.state != .running { fresh?.stopRequested = true }
                containers[id] = fresh
            } catch {
                // The container stays as it was: the follower notices the engine failing and
                // reconnects with a resync.
            }
        }
        let untold = events.filter { !$0.told }
        guard !ids.isEmpty || !untold.isEmpty else { return [] }
        let current = snapshot
        let services = Self.serviceByContainer(current)
        return untold.compactMap { LabEvent($0.event, service: services[$0.event.actorID]).map(LabUpdate.event) } + [.snapshot(current)]
    }

    /// Each container's service without a whole snapshot: the catalog's mapping alone.
    func serviceByContainer() -> [String: String] {
        let assignment = ServiceMapper(catalog: catalog).assign(Array(containers.values))
        return assignment.compactMapValues { $0?.service }
    }

    /// Each container's service, in one pass over a snapshot built once.
    static func serviceByContainer(_ snapshot: LabSnapshot) -> [String: String] {
        var services: [String: String] = [:]
        for status in snapshot.services {
            for container in status.containers { services[container.id] = status.service.name }
        }
        return services
    }
}
