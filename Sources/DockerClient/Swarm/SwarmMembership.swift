/// This engine's place in a Swarm, as `GET /info` reports it under `Swarm` (Engine API
/// "SystemInfo" → "SwarmInfo": LocalNodeState inactive|pending|active|error|locked,
/// ControlAvailable true on a manager). https://docs.docker.com/reference/api/engine/version/v1.57/operations/SystemInfo/
public struct SwarmMembership: Decodable, Sendable, Equatable {
    public var nodeID: String = ""
    public var nodeAddress: String = ""
    /// The join state: `inactive` (not in a Swarm), `pending`, `active`, `error`, `locked`.
    public var localNodeState: String
    /// True on a manager: only a manager's API lists nodes, services and tasks.
    public var isManager: Bool
    public var error: String = ""

    enum CodingKeys: String, CodingKey {
        case nodeID = "NodeID", nodeAddress = "NodeAddr", localNodeState = "LocalNodeState", isManager = "ControlAvailable", error = "Error"
    }
}

extension SwarmMembership {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nodeID = try c.decodeIfPresent(String.self, forKey: .nodeID) ?? ""
        nodeAddress = try c.decodeIfPresent(String.self, forKey: .nodeAddress) ?? ""
        localNodeState = try c.decodeIfPresent(String.self, forKey: .localNodeState) ?? "inactive"
        isManager = try c.decodeIfPresent(Bool.self, forKey: .isManager) ?? false
        error = try c.decodeIfPresent(String.self, forKey: .error) ?? ""
    }
}
