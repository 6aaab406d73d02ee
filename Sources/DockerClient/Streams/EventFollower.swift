#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import Synchronization

/// What a follower of the engine reports.
public enum EngineFeed: Sendable {
    /// (Re)connected: consumers resync fully now. Events that happen meanwhile are already queued.
    case connected(EngineVersion)
    case event(EngineEvent)
    /// Lost the engine; the next attempt is at `retryAt`.
    case disconnected(DockerError, retryAt: Date)
    /// The consumer fell behind and events were dropped (the newest are kept): what it holds
    /// may be stale, so it reads everything again. `at` is when the loss happened; a resync
    /// begun after that already covers it.
    case overflowed(at: Date)
}

/// Follows the events stream for as long as it is iterated: reconnects with backoff, resumes
/// with `since` so no transition is missed, and pings while quiet so a hung engine is noticed.
public struct EventFollower: Sendable {
    public let client: DockerClient
    public var query: EventQuery
    public var initialBackoff: Duration = .milliseconds(500)
    public var maximumBackoff: Duration = .seconds(10)
    /// How often to check that a quiet engine still answers, and how long it may take: a hung
    /// engine (stopped, swapping) keeps its sockets open, so only a missed answer tells.
    /// Together they bound how long stale health can be shown (issue 11: 2 s). A local engine
    /// answers a ping in a millisecond; a remote one gets the client's own time limit (the
    /// user's `--timeout`), so a slow link is not called down.
    public var heartbeat: Duration = .seconds(1)
    public var heartbeatTimeout: Duration

    public init(client: DockerClient, query: EventQuery = EventQuery()) {
        self.client = client
        self.query = query
        if case .unix = client.endpoint {
            heartbeatTimeout = min(.seconds(1), client.requestTimeout)
        } else {
            heartbeatTimeout = client.requestTimeout
        }
    }
    /// Events held for a consumer that falls behind; past it the oldest go and `.overflowed` says so.
    public var bufferSize = 4096

    public func feed() -> AsyncStream<EngineFeed> {
        let (stream, continuation) = AsyncStream<EngineFeed>.makeStream(bufferingPolicy: .bufferingNewest(max(2, bufferSize)))
        let task = Task.detached { await run(FeedSink(continuation)) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func run(_ sink: FeedSink) async {
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
                sink.yield(.connected(version))
                LabLog.info("events", "following \(client.endpoint)'s events (engine \(version.version))")
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
                            if !isRepeat { sink.yield(.event(event)) }
                        }
                        throw DockerError.streamEnded(operation: "events")
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: heartbeat)
                            try await client.ping(within: heartbeatTimeout)
                        }
                    }
                    if case .unix(let path) = client.endpoint, let watch = SocketWatch(path: path) {
                        group.addTask { try await Self.untilRemoved(watch, endpoint: client.endpoint.description) }
                    }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            } catch {
                if Task.isCancelled { break }
                let reason = (error as? DockerError) ?? .unreachable(endpoint: client.endpoint.description, reason: String(describing: error))
                resume.state.withLock { if $0.since == nil { $0.since = Self.timestamp(Date()) } }
                sink.yield(.disconnected(reason, retryAt: Date().addingTimeInterval(Self.seconds(delay))))
                LabLog.warning("events", "lost \(client.endpoint): \(reason); reconnecting within \(delay)")
                await waitForEngine(upTo: delay, after: reason)
                delay = min(delay * 2, maximumBackoff)
            }
        }
        sink.finish()
    }

    /// Throws once the engine's socket is gone: a stopping engine removes it at once but
    /// serves open connections (ours included) until its containers are down, seconds later.
    private static func untilRemoved(_ watch: SocketWatch, endpoint: String) async throws {
        while watch.exists {
            try Task.checkCancellation()
            await watch.nextChange(within: .seconds(60))
        }
        throw DockerError.unreachable(endpoint: endpoint, reason: "the engine removed its socket (it is stopping)")
    }

    /// Sleeps out the backoff, but returns as soon as the engine is back: the expensive work
    /// (version, events, resync) keeps its backoff, the look for the engine's return is cheap.
    /// Back means listening again after it was seen away (a local socket is watched with
    /// inotify, its return is a new file; anything else is tried with a connect every quarter
    /// second), or, after a time-out, listening at all: a hung engine's next answer is best
    /// awaited by asking again, each try lasting its own time limit. An engine that listens
    /// and answers with errors gets the whole backoff.
    private func waitForEngine(upTo delay: Duration, after failure: DockerError) async {
        let deadline = ContinuousClock.now + delay
        var watch: SocketWatch?
        if case .unix(let path) = client.endpoint { watch = SocketWatch(path: path) }
        var seenAway = false
        if case .timeout = failure { seenAway = true }
        while !Task.isCancelled, ContinuousClock.now < deadline {
            let listening = await client.transport.canConnect(within: .milliseconds(250))
            if listening && seenAway { return }
            seenAway = seenAway || !listening
            let left = deadline - ContinuousClock.now
            if let watch, !listening {
                await watch.nextChange(within: min(left, .seconds(1)))
            } else {
                try? await Task.sleep(for: min(left, .milliseconds(250)))
            }
        }
    }

    static func timestamp(_ date: Date) -> String { NumberText.fixed(date.timeIntervalSince1970, places: 9) }

    static func timestamp(nanoseconds: Int64) -> String {
        // printf's "%09lld": nine characters, a sign included (only a broken engine's time is negative).
        let fraction = nanoseconds % 1_000_000_000
        return "\(nanoseconds / 1_000_000_000).\(NumberText.zeroPadded(fraction, width: fraction < 0 ? 8 : 9))"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The follower's end of the feed: notices when the buffer drops an item and says so.
struct FeedSink: Sendable {
    let continuation: AsyncStream<EngineFeed>.Continuation

    init(_ continuation: AsyncStream<EngineFeed>.Continuation) { self.continuation = continuation }

    func yield(_ item: EngineFeed) {
        // The marker itself may push out one more item; the resync it asks for covers that too.
        if case .dropped = continuation.yield(item) { continuation.yield(.overflowed(at: Date())) }
    }

    func finish() { continuation.finish() }
}

/// Where to resume the events stream after a reconnect, shared with the task reading it.
final class ResumePoint: Sendable {
    let state: Mutex<(since: String?, lastSeen: EngineEvent?)>

    init(since: String?) { state = Mutex((since, nil)) }
}
