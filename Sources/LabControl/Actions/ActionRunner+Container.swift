import DockerClient

extension ActionRunner {
    /// One step of a container action: the engine call on exactly that container, then (for a
    /// start or restart) the same wait for health a service gets. Steps are reported under the
    /// container's name.
    func runOnContainer(_ target: ContainerTarget, _ operation: PlanEntry.Operation, _ reporter: ActionReporter) async throws {
        let name = target.name
        switch operation {
        case .nothing(let why): reporter.emit(name, .info, why)
        case .start:
            try await step(name, "start \(name)", reporter) { try await client.startContainer(target.id) }
            try await waitHealthy([(target.id, name)], service: name, reporter)
        case .restart:
            let seconds = await graceSeconds(target)
            try await step(name, "restart \(name)", reporter) { try await client.restartContainer(target.id, seconds: seconds) }
            try await waitHealthy([(target.id, name)], service: name, reporter)
        case .stop:
            let seconds = await graceSeconds(target)
            try await step(name, "stop \(name)", reporter) { try await client.stopContainer(target.id, seconds: seconds) }
        case .remove:
            try await step(name, "remove \(name)", reporter) { try await client.removeContainer(target.id, force: true) }
        case .install, .recreate:
            // The planner never makes these for a container; say so rather than act.
            reporter.emit(name, .failed, "install and recreate work on catalog services, not on container \(name)")
            throw ActionFailure(message: "install and recreate work on catalog services, not on container \(name)")
        }
    }

    /// The stop grace period of the catalog component this container is (compose's 10 s for
    /// any other container, as `docker stop` gives).
    private func graceSeconds(_ target: ContainerTarget) async -> Int {
        guard let snapshot = try? await loader.current(),
            let owner = snapshot.services.first(where: { $0.containers.contains { $0.id == target.id } }),
            let component = owner.containers.first(where: { $0.id == target.id })?.component,
            let grace = owner.service.components.first(where: { $0.name == component })?.stopGracePeriod
        else { return 10 }
        return Int(grace.rounded(.up))
    }
}
