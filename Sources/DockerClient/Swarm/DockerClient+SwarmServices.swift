#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// Swarm services and their tasks. Reference: Engine API tags Service and Task,
/// https://docs.docker.com/reference/api/engine/version/v1.57/operations/ServiceUpdate/ (update needs the
/// service's current `version` and the whole spec: what is left out is reset).
extension DockerClient {
    /// `GET /services` with filters (`label`, `name`, `id`).
    public func listServices(filters: [String: [String]] = [:]) async throws -> [SwarmService] {
        let query = filters.isEmpty ? [] : [("filters", QueryString.filters(filters))]
        let response = try await call(.get, "/services", query: query, operation: "list services")
        return try decode([SwarmService].self, response, operation: "list services")
    }

    /// `GET /services/{id}`; nil when there is none.
    public func inspectService(_ id: String) async throws -> SwarmService? {
        do {
            let response = try await call(.get, "/services/\(QueryString.encode(id))", operation: "inspect service \(id)")
            return try decode(SwarmService.self, response, operation: "inspect service")
        } catch DockerError.notFound {
            return nil
        }
    }

    /// `POST /services/create`; returns the service's id.
    public func createService(_ spec: SwarmServiceSpec) async throws -> String {
        struct Created: Decodable { let ID: String }
        let response = try await call(.post, "/services/create", body: spec, operation: "create service \(spec.name)")
        return try decode(Created.self, response, operation: "create service").ID
    }

    /// `POST /services/{id}/update` with the service's own spec, only `Mode.Replicated.Replicas`
    /// changed: the spec is read and written back as JSON, so nothing ailab does not model is lost.
    public func scaleService(_ id: String, replicas: Int) async throws {
        let operation = "scale service \(id) to \(replicas)"
        let current = try await call(.get, "/services/\(QueryString.encode(id))", operation: operation)
        guard let service = try? JSONValue.parse(current.body), let version = service["Version"]?["Index"]?.int,
            var spec = service["Spec"]?.object
        else { throw DockerError.badResponse(operation: operation, detail: "no Version.Index or Spec in the service") }
        guard var mode = spec["Mode"]?.object, var replicated = mode["Replicated"]?.object else {
            throw DockerError.badResponse(operation: operation, detail: "not a replicated service: a global one runs on every node")
        }
        replicated["Replicas"] = .int(replicas)
        mode["Replicated"] = .object(replicated)
        spec["Mode"] = .object(mode)
        let body = JSONValue.object(spec).encoded()
        let apiVersion = try await apiVersion()
        let path = QueryString.path("/v\(apiVersion)/services/\(QueryString.encode(id))/update", [("version", String(version))])
        let response = try await transport.send(HTTPRequest(.post, path, body: Array(body)), timeout: requestTimeout, operation: operation)
        guard response.isSuccess else { throw Self.error(from: response) }
    }

    public func removeService(_ id: String) async throws {
        _ = try await call(.delete, "/services/\(QueryString.encode(id))", operation: "remove service \(id)")
    }

    /// `GET /tasks`, filtered (`service`, `node`, `desired-state`, `label`).
    public func listTasks(filters: [String: [String]] = [:]) async throws -> [SwarmTask] {
        let query = filters.isEmpty ? [] : [("filters", QueryString.filters(filters))]
        let response = try await call(.get, "/tasks", query: query, operation: "list tasks")
        return try decode([SwarmTask].self, response, operation: "list tasks")
    }
}
