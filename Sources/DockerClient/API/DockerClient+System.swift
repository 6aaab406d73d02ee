extension DockerClient {
    /// `GET /_ping` with a fresh negotiation: true when the engine answers.
    public func ping() async throws {
        resetNegotiation()
        _ = try await apiVersion()
    }

    /// `GET /_ping` within `limit` (the heartbeat's own deadline, shorter than a request's);
    /// the negotiated version stays as it is.
    public func ping(within limit: Duration) async throws {
        let response = try await transport.send(HTTPRequest(.get, "/_ping"), timeout: limit, operation: "ping")
        guard response.isSuccess else { throw Self.error(from: response) }
    }

    /// `GET /version`.
    public func version() async throws -> EngineVersion {
        let response = try await call(.get, "/version", operation: "version")
        return try decode(EngineVersion.self, response, operation: "version")
    }

    /// The raw body of a GET, for tools that record the engine's answers (the benchmark replays them).
    public func rawGet(_ path: String, query: [(String, String)] = []) async throws -> [UInt8] {
        try await call(.get, path, query: query, operation: "GET \(path)").body
    }
}
