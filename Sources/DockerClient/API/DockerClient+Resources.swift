/// A network as `GET /networks` lists it.
public struct NetworkSummary: Decodable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var driver: String
    public var labels: [String: String]?

    enum CodingKeys: String, CodingKey { case id = "Id", name = "Name", driver = "Driver", labels = "Labels" }
}

/// A volume as `GET /volumes` lists it.
public struct VolumeSummary: Decodable, Sendable, Equatable {
    public var name: String
    public var driver: String
    public var mountpoint: String?
    public var labels: [String: String]?

    enum CodingKeys: String, CodingKey { case name = "Name", driver = "Driver", mountpoint = "Mountpoint", labels = "Labels" }
}

extension DockerClient {
    public func listNetworks(filters: [String: [String]] = [:]) async throws -> [NetworkSummary] {
        let query = filters.isEmpty ? [] : [("filters", QueryString.filters(filters))]
        let response = try await call(.get, "/networks", query: query, operation: "list networks")
        return try decode([NetworkSummary].self, response, operation: "list networks")
    }

    /// Creates a bridge network (services reach each other by name on it) and returns its id.
    public func createNetwork(name: String, labels: [String: String] = [:]) async throws -> String {
        struct Body: Encodable { let Name: String; let Driver: String; let CheckDuplicate: Bool; let Labels: [String: String] }
        struct Created: Decodable { let Id: String }
        let response = try await call(
            .post, "/networks/create", body: Body(Name: name, Driver: "bridge", CheckDuplicate: true, Labels: labels),
            operation: "create network \(name)")
        return try decode(Created.self, response, operation: "create network").Id
    }

    public func removeNetwork(_ name: String) async throws {
        _ = try await call(.delete, "/networks/\(QueryString.encode(name))", operation: "remove network \(name)")
    }

    public func listVolumes(filters: [String: [String]] = [:]) async throws -> [VolumeSummary] {
        struct Listing: Decodable { let Volumes: [VolumeSummary]? }
        let query = filters.isEmpty ? [] : [("filters", QueryString.filters(filters))]
        let response = try await call(.get, "/volumes", query: query, operation: "list volumes")
        return try decode(Listing.self, response, operation: "list volumes").Volumes ?? []
    }

    /// Creates a named volume; creating one that exists returns it unchanged (the engine's rule).
    public func createVolume(name: String, labels: [String: String] = [:]) async throws {
        struct Body: Encodable { let Name: String; let Labels: [String: String] }
        _ = try await call(.post, "/volumes/create", body: Body(Name: name, Labels: labels), operation: "create volume \(name)")
    }

    public func removeVolume(_ name: String, force: Bool = false) async throws {
        _ = try await call(.delete, "/volumes/\(QueryString.encode(name))", query: [("force", force ? "1" : "0")], operation: "remove volume \(name)")
    }
}
