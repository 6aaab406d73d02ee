extension DockerClient {
    /// `GET /containers/json?all=1`, optionally narrowed by the engine's filters (label, name, …).
    public func listContainers(all: Bool = true, filters: [String: [String]] = [:]) async throws -> [ContainerSummary] {
        var query = [("all", all ? "1" : "0")]
        if !filters.isEmpty { query.append(("filters", QueryString.filters(filters))) }
        let response = try await call(.get, "/containers/json", query: query, operation: "list containers")
        return try Self.containerList(response.body)
    }

    /// `GET /containers/json`'s answer, item by item: an item that cannot be read is a row
    /// saying what was wrong (`ContainerSummary.problem`). Public for the fuzzer's view path.
    public static func containerList(_ body: [UInt8]) throws -> [ContainerSummary] {
        try decodeEach(ContainerSummary.self, body, operation: "list containers", unreadable: ContainerSummary.unreadable)
    }

    public func inspectContainer(_ id: String) async throws -> ContainerInspect {
        let response = try await call(.get, "/containers/\(QueryString.encode(id))/json", operation: "inspect \(id)")
        return try decode(ContainerInspect.self, response, operation: "inspect \(id)")
    }

    /// The inspect document as the engine wrote it, for a person to read whole.
    public func inspectDocument(_ id: String) async throws -> [UInt8] {
        try await call(.get, "/containers/\(QueryString.encode(id))/json", operation: "inspect \(id)").body
    }

    /// Creates a container and returns its id.
    public func createContainer(name: String?, spec: ContainerSpec) async throws -> String {
        struct Created: Decodable { let Id: String }
        let query = name.map { [("name", $0)] } ?? []
        let response = try await call(.post, "/containers/create", query: query, body: spec, operation: "create \(name ?? spec.image)")
        return try decode(Created.self, response, operation: "create container").Id
    }

    /// Starts a container; starting a running one is not an error (the engine's 304).
    public func startContainer(_ id: String) async throws {
        _ = try await call(.post, "/containers/\(QueryString.encode(id))/start", operation: "start \(id)", accepting: [304])
    }

    /// Stops with a grace period of `seconds` before the engine kills; stopping a stopped one is fine.
    public func stopContainer(_ id: String, seconds: Int = 10) async throws {
        _ = try await call(
            .post, "/containers/\(QueryString.encode(id))/stop", query: [("t", String(seconds))],
            operation: "stop \(id)", timeout: requestTimeout + .seconds(seconds), accepting: [304])
    }

    public func restartContainer(_ id: String, seconds: Int = 10) async throws {
        _ = try await call(
            .post, "/containers/\(QueryString.encode(id))/restart", query: [("t", String(seconds))],
            operation: "restart \(id)", timeout: requestTimeout + .seconds(seconds))
    }

    public func killContainer(_ id: String, signal: String = "KILL") async throws {
        _ = try await call(.post, "/containers/\(QueryString.encode(id))/kill", query: [("signal", signal)], operation: "kill \(id)")
    }

    /// Removes a container; `volumes` also removes its anonymous volumes (never named ones).
    public func removeContainer(_ id: String, force: Bool = false, volumes: Bool = false) async throws {
        _ = try await call(
            .delete, "/containers/\(QueryString.encode(id))",
            query: [("force", force ? "1" : "0"), ("v", volumes ? "1" : "0")], operation: "remove \(id)")
    }
}
