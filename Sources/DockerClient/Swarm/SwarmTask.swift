/// A task (one replica's try) as `GET /tasks` lists it (Engine API "Task": DesiredState,
/// Status.State new…running|complete|shutdown|failed|rejected|remove|orphaned, Status.Err,
/// Status.ContainerStatus). https://docs.docker.com/reference/api/engine/version/v1.57/operations/TaskList/
public struct SwarmTask: Decodable, Sendable, Equatable {
    public var id: String
    public var serviceID: String
    public var nodeID: String = ""
    public var slot: Int?
    public var desiredState: String
    public var state: String
    public var message: String = ""
    /// Why it failed or cannot be scheduled ("no suitable node …", "task: non-zero exit (3)").
    public var error: String?
    public var containerID: String?
    public var exitCode: Int?
    /// When the task reached its current state (RFC 3339, as the engine wrote it).
    public var timestamp: String?
}

extension SwarmTask {
    public init(from decoder: any Decoder) throws {
        struct ContainerState: Decodable { let ContainerID: String?; let ExitCode: Int? }
        struct Status: Decodable {
            let Timestamp: String?; let State: String?; let Message: String?; let Err: String?; let ContainerStatus: ContainerState?
        }
        enum Keys: String, CodingKey { case ID, ServiceID, NodeID, Slot, DesiredState, Status }
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .ID)
        serviceID = try c.decodeIfPresent(String.self, forKey: .ServiceID) ?? ""
        nodeID = try c.decodeIfPresent(String.self, forKey: .NodeID) ?? ""
        slot = try c.decodeIfPresent(Int.self, forKey: .Slot)
        desiredState = try c.decodeIfPresent(String.self, forKey: .DesiredState) ?? ""
        let status = try c.decodeIfPresent(Status.self, forKey: .Status)
        state = status?.State ?? "unknown"
        message = status?.Message ?? ""
        error = status?.Err.flatMap { $0.isEmpty ? nil : $0 }
        containerID = status?.ContainerStatus?.ContainerID.flatMap { $0.isEmpty ? nil : $0 }
        exitCode = status?.ContainerStatus?.ExitCode
        timestamp = status?.Timestamp
    }
}
