/// A Swarm service as `GET /services` lists it: what ailab reads of it (name, labels, the
/// replicas asked for, placement). Engine API "Service": Spec.Mode.Replicated.Replicas,
/// Spec.TaskTemplate.Placement.Constraints, Version.Index (needed to update it).
/// https://docs.docker.com/reference/api/engine/version/v1.57/operations/ServiceList/
public struct SwarmService: Decodable, Sendable, Equatable {
    public var id: String
    public var version: Int = 1
    public var name: String
    public var labels: [String: String] = [:]
    public var image: String = ""
    /// nil for a global service (one task per eligible node).
    public var replicas: Int?
    public var constraints: [String] = []
}

extension SwarmService {
    public init(from decoder: any Decoder) throws {
        struct Version: Decodable { let Index: Int }
        struct Replicated: Decodable { let Replicas: Int? }
        struct Mode: Decodable { let Replicated: Replicated? }
        struct Container: Decodable { let Image: String? }
        struct Placement: Decodable { let Constraints: [String]? }
        struct Template: Decodable { let ContainerSpec: Container?; let Placement: Placement? }
        struct Spec: Decodable { let Name: String?; let Labels: [String: String]?; let Mode: Mode?; let TaskTemplate: Template? }
        enum Keys: String, CodingKey { case ID, Version, Spec }
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .ID)
        version = try c.decodeIfPresent(Version.self, forKey: .Version)?.Index ?? 0
        let spec = try c.decode(Spec.self, forKey: .Spec)
        name = spec.Name ?? id
        labels = spec.Labels ?? [:]
        image = spec.TaskTemplate?.ContainerSpec?.Image ?? ""
        // A replicated service with no count runs one (the engine's default).
        replicas = spec.Mode?.Replicated.map { $0.Replicas ?? 1 }
        constraints = spec.TaskTemplate?.Placement?.Constraints ?? []
    }
}
