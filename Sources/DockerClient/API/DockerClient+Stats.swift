extension DockerClient {
    /// One sample. The engine samples twice to fill `precpu`, so this takes one to two seconds.
    public func stats(_ id: String) async throws -> ContainerStats {
        let response = try await call(
            .get, "/containers/\(QueryString.encode(id))/stats", query: [("stream", "0")],
            operation: "stats \(id)", timeout: requestTimeout + .seconds(3))
        return try decode(ContainerStats.self, response, operation: "stats \(id)")
    }

    /// A sample about every second until the consumer stops or the container goes.
    public func streamStats(_ id: String) async throws -> EngineStream<ContainerStats> {
        let chunks = try await openStream(.get, "/containers/\(QueryString.encode(id))/stats", query: [("stream", "1")], operation: "stats \(id)")
        return Self.decodeLines(chunks, as: ContainerStats.self, operation: "stats \(id)")
    }
}
