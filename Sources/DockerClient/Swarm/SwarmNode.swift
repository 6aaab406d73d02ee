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
