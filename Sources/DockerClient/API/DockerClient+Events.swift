#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What to ask the events stream for; the engine filters, so noise never crosses the socket.
public struct EventQuery: Sendable {
    public var types: [String] = ["container"]
    /// Actions to receive; empty means all (health-check exec noise included).
    public var actions: [String] = EventQuery.containerLifecycle
    public var labels: [String] = []
    /// Unix seconds (with fraction) to replay from, so a reconnect misses nothing.
    public var since: String?
    /// Unix seconds to stop at: with it the engine answers its history and closes the stream.
    public var until: String?
    /// Container ids or names to hear of; empty means all.
    public var containers: [String] = []

    public init(
        types: [String] = ["container"], actions: [String] = EventQuery.containerLifecycle, labels: [String] = [], since: String? = nil,
        until: String? = nil, containers: [String] = []
    ) {
        self.types = types
        self.actions = actions
        self.labels = labels
        self.since = since
        self.until = until
        self.containers = containers
    }

    /// Everything that changes a container's state or health, and nothing of exec.
    public static let containerLifecycle = [
        "create", "start", "restart", "stop", "die", "kill", "oom", "pause", "unpause", "destroy", "rename",
        "update", "health_status",
    ]

    var queryItems: [(String, String)] {
        var filters: [String: [String]] = [:]
        if !types.isEmpty { filters["type"] = types }
        if !actions.isEmpty { filters["event"] = actions }
        if !labels.isEmpty { filters["label"] = labels }
        if !containers.isEmpty { filters["container"] = containers }
        var items = [("filters", QueryString.filters(filters))]
        if let since { items.append(("since", since)) }
        if let until { items.append(("until", until)) }
        return items
    }
}

extension DockerClient {
    /// Follows `GET /events` until the stream ends or the consumer stops. It does not
    /// reconnect by itself: `EventFollower` does, resuming with `since`.
    public func events(_ query: EventQuery = EventQuery()) async throws -> EngineStream<EngineEvent> {
        let chunks = try await openStream(.get, "/events", query: query.queryItems, operation: "events")
        return Self.decodeLines(chunks, as: EngineEvent.self, operation: "events")
    }

    /// The engine's remembered events between `since` and `until` (dockerd keeps the last few
    /// hundred in memory, health-check runs included, so this reaches back minutes, not days).
    public func eventHistory(_ query: EventQuery, limit: Int = 10_000) async throws -> [EngineEvent] {
        precondition(query.until != nil, "a history needs an end, or it follows forever")
        var history: [EngineEvent] = []
        for try await event in try await events(query) {
            history.append(event)
            if history.count >= limit { break }
        }
        return history
    }

    /// Turns a chunked stream of newline-delimited JSON into typed values.
    static func decodeLines<T: Decodable & Sendable>(
        _ chunks: EngineStream<[UInt8]>, as type: T.Type, operation: String
    ) -> EngineStream<T> {
        EngineStream { send in
            var splitter = LineSplitter()
            let decoder = JSONDecoder()
            func decoded(_ line: [UInt8]) throws -> T {
                do {
                    return try decoder.decode(T.self, from: Data(line))
                } catch {
                    throw DockerError.badResponse(operation: operation, detail: describe(error))
                }
            }
            for try await chunk in chunks {
                for line in try splitter.push(chunk) { try await send(try decoded(line)) }
            }
            if let last = splitter.finish() { try await send(try decoded(last)) }
        }
    }
}
