import DockerClient

/// Whether a Swarm has reached what it was asked for: the engine emits events when a service
/// or node is created, updated or removed, but none as the tasks then move (their containers'
/// events happen on whichever node runs them), so a reader follows a change to its end by
/// reading again until the Swarm is settled (`LiveLab.swarmLoop`).
extension SwarmState {
    /// The task states a task ends in (Engine API "TaskState"): one meant to stop is done there.
    static let endedTaskStates: Set<String> = ["complete", "shutdown", "failed", "rejected", "remove", "orphaned"]

    /// True when every task is where it is meant to be (running when meant to run, ended when
    /// meant to stop) and every replicated service runs as many replicas as it asks for.
    public var isSettled: Bool {
        for task in tasks {
            if task.desiredState == "running" ? task.state != "running" : !Self.endedTaskStates.contains(task.state) { return false }
        }
        return services.allSatisfy { service in
            guard let replicas = service.replicas else { return true }  // global: one per eligible node
            return tasks.filter { $0.serviceID == service.id && $0.desiredState == "running" && $0.state == "running" }.count == replicas
        }
    }
}
