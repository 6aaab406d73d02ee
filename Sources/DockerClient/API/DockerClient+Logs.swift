/// Which output to fetch, and how much.
public struct LogQuery: Sendable {
    public var follow = false
    public var tail: Int? = 200
    public var timestamps = true
    public var since: Int64?

    public init(follow: Bool = false, tail: Int? = 200, timestamps: Bool = true, since: Int64? = nil) {
        self.follow = follow
        self.tail = tail
        self.timestamps = timestamps
        self.since = since
    }
}

extension DockerClient {
    /// `GET /containers/{id}/logs`, demultiplexed into stdout and stderr chunks.
    /// (Containers created with a TTY send raw bytes; the lab never creates them so.)
    public func logs(_ id: String, _ query: LogQuery = LogQuery()) async throws -> EngineStream<LogChunk> {
        var items = [("stdout", "1"), ("stderr", "1"), ("follow", query.follow ? "1" : "0"),
                     ("timestamps", query.timestamps ? "1" : "0")]
        items.append(("tail", query.tail.map(String.init) ?? "all"))
        if let since = query.since { items.append(("since", String(since))) }
        let chunks = try await openStream(.get, "/containers/\(QueryString.encode(id))/logs", query: items, operation: "logs \(id)")
        return EngineStream { send in
            var decoder = LogFrameDecoder()
            for try await chunk in chunks {
                for frame in try decoder.push(chunk) { try await send(frame) }
            }
            if decoder.hasPartialFrame { throw DockerError.streamEnded(operation: "logs \(id)") }
        }
    }
}
