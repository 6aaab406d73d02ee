#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Swarm calls of the Engine API that ailab needs: this engine's membership, the nodes,
/// secrets and overlay networks. Joining or leaving a Swarm stays the operator's job.
/// Reference: https://docs.docker.com/reference/api/engine/version/v1.57/ (operations NodeList,
/// NodeUpdate, SecretCreate, NetworkCreate, SystemInfo; every field used here is in API 1.41 too); nodes and secrets answer 503 on an engine that is not a manager.
extension DockerClient {
    /// `GET /info` → `Swarm`: whether this engine is in a Swarm and a manager.
    public func swarmMembership() async throws -> SwarmMembership {
        struct Info: Decodable { let Swarm: SwarmMembership? }
        let response = try await call(.get, "/info", operation: "info")
        return try decode(Info.self, response, operation: "info").Swarm ?? SwarmMembership(localNodeState: "inactive", isManager: false)
    }

    /// `GET /nodes` (manager only).
    public func listNodes() async throws -> [SwarmNode] {
        let response = try await call(.get, "/nodes", operation: "list nodes")
        return try decode([SwarmNode].self, response, operation: "list nodes")
    }

    /// `POST /nodes/{id}/update?version=N`: availability (`active`, `pause`, `drain`) and labels.
    /// The version is the node's as read just before, as the engine requires against lost updates.
    public func updateNode(_ id: String, availability: String? = nil, labels: [String: String]? = nil) async throws {
        let response = try await call(.get, "/nodes/\(QueryString.encode(id))", operation: "inspect node \(id)")
        let node = try decode(SwarmNode.self, response, operation: "inspect node")
        var spec = node.spec
        if let availability { spec.availability = availability }
        if let labels { spec.labels = labels }
        _ = try await call(
            .post, "/nodes/\(QueryString.encode(id))/update", query: [("version", String(node.version))], body: spec,
            operation: "update node \(id)")
    }

    /// `POST /secrets/create`: the value travels base64-encoded in `Data`; the engine never gives it back.
    public func createSecret(name: String, value: [UInt8], labels: [String: String] = [:]) async throws -> String {
        struct Body: Encodable { let Name: String; let Labels: [String: String]; let Data: String }
        struct Created: Decodable { let ID: String }
        let encoded = Data(value).base64EncodedString()
        let response = try await call(
            .post, "/secrets/create", body: Body(Name: name, Labels: labels, Data: encoded),
            operation: "create secret \(name)")
        return try decode(Created.self, response, operation: "create secret").ID
    }

    /// `GET /secrets` with filters (`name`, `label`): ids and names only.
    public func listSecrets(filters: [String: [String]] = [:]) async throws -> [(id: String, name: String)] {
        struct Secret: Decodable { let ID: String; let Spec: Spec; struct Spec: Decodable { let Name: String } }
        let query = filters.isEmpty ? [] : [("filters", QueryString.filters(filters))]
        let response = try await call(.get, "/secrets", query: query, operation: "list secrets")
        return try decode([Secret].self, response, operation: "list secrets").map { ($0.ID, $0.Spec.Name) }
    }

    public func removeSecret(_ id: String) async throws {
        _ = try await call(.delete, "/secrets/\(QueryString.encode(id))", operation: "remove secret \(id)")
    }

    /// `POST /networks/create` with the overlay driver, attachable so plain containers may join too.
    public func createOverlayNetwork(name: String, labels: [String: String] = [:]) async throws -> String {
        struct Body: Encodable { let Name: String; let Driver: String; let Attachable: Bool; let CheckDuplicate: Bool; let Labels: [String: String] }
        struct Created: Decodable { let Id: String }
        let response = try await call(
            .post, "/networks/create", body: Body(Name: name, Driver: "overlay", Attachable: true, CheckDuplicate: true, Labels: labels),
            operation: "create overlay network \(name)")
        return try decode(Created.self, response, operation: "create network").Id
    }
}
