import DockerClient

/// What a Swarm task's engine words mean, decided here once, so no screen compares them: the
/// Engine API's Task DesiredState and Status.State
/// (https://docs.docker.com/reference/api/engine/version/v1.57/operations/TaskList/).
extension SwarmTask {
    /// The service still wants this task: desired `ready` while it waits for a node, then
    /// `running`. Tasks that were shut down, replaced or finished are history.
    public var isCurrent: Bool { desiredState == "running" || desiredState == "ready" }

    /// The task's own row in the Swarm panel: running, starting (not yet placed or started),
    /// or unhealthy when the engine gives a reason it is not running.
    public var condition: Condition { state == "running" ? .running : error == nil ? .starting : .unhealthy }
}
