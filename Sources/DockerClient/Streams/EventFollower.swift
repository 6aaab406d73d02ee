import Foundation
import Synchronization

/// What a follower of the engine reports.
public enum EngineFeed: Sendable {
    /// (Re)connected: consumers resync fully now. Events that happen meanwhile are already queued.
    case connected(EngineVersion)
    case event(EngineEvent)
    /// Lost the engine; the next attempt is at `retryAt`.
    case disconnected(DockerError, retryAt: Date)
}

/// Follows the events stream for as long as it is iterated: reconnects with backoff, resumes
/// with `since` so no transition is missed, and pings while quiet so a hung engine is noticed.
public struct EventFollower: Sendable {
    public let client: DockerClient
    public var query: EventQuery
    public var initialBackoff: Duration = .milliseconds(500)
    public var maximumBackoff: Duration = .seconds(10)
    /// How often to check that a quiet engine still answers.
    public var heartbeat: Duration = .seconds(10)

    public init(client: DockerClient, query: EventQuery = EventQuery()) {
        self.client = client
        self.query = query
    }

    public func feed() -> AsyncStream<EngineFeed> {
        let (stream, continuation) = AsyncStream<EngineFeed>.makeStream(bufferingPolicy: .bufferingNewest(4096))
        let task = Task.detached { await run(continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func run(_ continuation: AsyncStream<EngineFeed>.Continuation) async {
        // Shared with the reading child task: where to resume, and what was seen last.
        let resume = ResumePoint(since: query.since)
        var delay = initialBackoff
        var reconnecting = false
        while !Task.isCancelled {
            do {
                // After an outage the engine may have been upgraded: ask its version again. The
                // first time, a negotiation already under way (the console's warm-up) is reused.
                if reconnecting { client.resetNegotiation() }
                reconnecting = true
                let version = try await client.version()
                var resumed = query
                resumed.since = resume.state.withLock { $0.since } ?? Self.timestamp(Date())
                let events = try await client.events(resumed)
                continuation.yield(.connected(version))
                delay = initialBackoff
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await event in events {
                            // `since` is inclusive: the event we resumed from arrives again.
                            let isRepeat = resume.state.withLock { state in
                                if state.lastSeen == event { return true }
                                state = (Self.timestamp(nanoseconds: event.timeNano), event)
                                return false
                            }
                            if !isRepeat { continuation.yield(.event(event)) }
                        }
                        throw DockerError.streamEnded(operation: "events")
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: heartbeat)
                            try await client.ping()
                        }
                    }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            } catch {
                if Task.isCancelled { break }
                let reason = (error as? DockerError) ?? .unreachable(endpoint: client.endpoint.description, reason: String(describing: error))
                resume.state.withLock { if $0.since == nil { $0.since = Self.timestamp(Date()) } }
                continuation.yield(.disconnected(reason, retryAt: Date().addingTimeInterval(Self.seconds(delay))))
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, maximumBackoff)
            }
        }
        continuation.finish()
    }

    static func timestamp(_ date: Date) -> String { String(format: "%.9f", date.timeIntervalSince1970) }

    static func timestamp(nanoseconds: Int64) -> String {
        "\(nanoseconds / 1_000_000_000).\(String(format: "%09lld", nanoseconds % 1_000_000_000))"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Where to resume the events stream after a reconnect, shared with the task reading it.
final class ResumePoint: Sendable {
    let state: Mutex<(since: String?, lastSeen: EngineEvent?)>

    init(since: String?) { state = Mutex((since, nil)) }
}
