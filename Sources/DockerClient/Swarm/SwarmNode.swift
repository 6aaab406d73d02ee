/// This engine's place in a Swarm, as `GET /info` reports it under `Swarm` (Engine API
/// "SystemInfo" → "SwarmInfo": LocalNodeState inactive|pending|active|error|locked,
/// ControlAvailable true on a manager). https://docs.docker.com/reference/api/engine/version/v1.57/operations/SystemInfo/
public struct SwarmMembership: Decodable, Sendable, Equatable {
    public var nodeID: String
    public var nodeAddress: String
    /// The join state: `inactive` (not in a Swarm), `pending`, `active`, `error`, `locked`.
    public var localNodeState: String
    /// True on a manager: only a manager's API lists nodes, services and tasks.
    public var isManager: Bool
    public var error: String

    public init(nodeID: String = "", nodeAddress: String = "", localNodeState: String, isManager: Bool, error: String = "") {
        self.nodeID = nodeID
        self.nodeAddress = nodeAddress
        self.localNodeState = localNodeState
        self.isManager = isManager
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case nodeID = "NodeID", nodeAddress = "NodeAddr", localNodeState = "LocalNodeState", isManager = "ControlAvailable", error = "Error"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nodeID = try c.decodeIfPresent(String.self, forKey: .nodeID) ?? ""
        nodeAddress = try c.decodeIfPresent(String.self, forKey: .nodeAddress) ?? ""
        localNodeState = try c.decodeIfPresent(String.self, forKey: .localNodeState) ?? "inactive"
        isManager = try c.decodeIfPresent(Bool.self, forKey: .isManager) ?? false
        error = try c.decodeIfPresent(String.self, forKey: .error) ?? ""
    }
}

/// A Swarm node as `GET /nodes` lists it (Engine API "Node": Spec.Role, Spec.Availability,
/// Spec.Labels, Status.State ready|down|unknown|disconnected, Status.Addr).
/// https://docs.docker.com/reference/api/engine/version/v1.57/operations/NodeList/
public struct SwarmNode: Decodable, Sendable, Equatable {
    public var id: String
    public var version: Int
    public var hostname: String
    public var spec: Spec
    /// `ready`, `down`, `unknown`, `disconnected`.
    public var state: String
    public var address: String
    public var stateMessage: String
    /// The leader among managers (`ManagerStatus.Leader`).
    public var isLeader: Bool

    /// What an operator sets: role, availability (`active`, `pause`, `drain`), labels.
    public struct Spec: Codable, Sendable, Equatable {
        public var name: String?
        public var role: String
        public var availability: String
        public var labels: [String: String]

        enum CodingKeys: String, CodingKey { case name = "Name", role = "Role", availability = "Availability", labels = "Labels" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            role = try c.decodeIfPresent(String.self, forKey: .role) ?? "worker"
            availability = try c.decodeIfPresent(String.self, forKey: .availability) ?? "active"
            labels = try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        }
    }

    public init(from decoder: any Decoder) throws {
        struct Version: Decodable { let Index: Int }
        struct Description: Decodable { let Hostname: String? }
        struct Status: Decodable { let State: String?; let Addr: String?; let Message: String? }
        struct Manager: Decodable { let Leader: Bool? }
        enum Keys: String, CodingKey { case ID, Version, Description, Spec, Status, ManagerStatus }
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .ID)
        version = try c.decodeIfPresent(Version.self, forKey: .Version)?.Index ?? 0
        hostname = try c.decodeIfPresent(Description.self, forKey: .Description)?.Hostname ?? ""
        spec = try c.decode(Spec.self, forKey: .Spec)
        let status = try c.decodeIfPresent(Status.self, forKey: .Status)
        state = status?.State ?? "unknown"
        address = status?.Addr ?? ""
        stateMessage = status?.Message ?? ""
        isLeader = try c.decodeIfPresent(Manager.self, forKey: .ManagerStatus)?.Leader ?? false
    }
}
