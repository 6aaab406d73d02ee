@testable import DockerClient
import Foundation
import Synchronization
import TestSupport
import Testing

/// The engine faults of issue 11 (items 1-5) at the follower, against the fake engine: a
/// removed socket, a hang, a return after a long outage, an overflowing consumer.
/// A switch the test flips while the fake engine's threads read it.
final class Flag: Sendable {
    let value = Mutex(false)
}

@Suite struct EngineFeedFaultTests {
    static let version = #"{"Version":"20.10.24","ApiVersion":"1.41"}"#

    /// Answers ping and version like dockerd; `events` plays whatever the test wants. While
    /// `hung` is set nothing answers (a stopped dockerd still accepts connections).
    static func engine(path: String? = nil, hung: Flag? = nil, events: [FakeEngine.Step] = [.pause(30)]) throws -> FakeEngine {
        try FakeEngine(path: path) { line in
            if hung?.value.withLock({ $0 }) == true { return [.pause(30)] }
            if line.contains("/_ping") { return FakeEngine.ping }
            if line.contains("/version") { return [.send("HTTP/1.1 200 OK\r\nContent-Length: \(version.utf8.count)\r\n\r\n\(version)")] }
            if line.contains("/events") { return [.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")] + events }
            return [.send("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")]
        }
    }

    /// Seconds until the feed yields an item `matching`, or nil after `limit`.
    static func seconds(
        until matching: @escaping @Sendable (EngineFeed) -> Bool, in feed: AsyncStream<EngineFeed>, within limit: Double
    ) async -> Double? {
        let started = Date()
        return await withTaskGroup(of: Double?.self) { group in
            group.addTask {
                for await item in feed where matching(item) { return Date().timeIntervalSince(started) }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(limit))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    static let isConnected: @Sendable (EngineFeed) -> Bool = { if case .connected = $0 { return true } else { return false } }
    static let isDisconnected: @Sendable (EngineFeed) -> Bool = { if case .disconnected = $0 { return true } else { return false } }

    @Test func aRemovedSocketIsNoticedByItsWatch() async throws {
        // A graceful stop: the socket goes at once, our open events connection stays served.
        // The heartbeat is set far beyond the wait, so only the socket's watch can notice; how
        // soon it does is the benchmark's to measure, not this test's.
        let engine = try Self.engine()
        defer { engine.stop() }
        var follower = EventFollower(client: DockerClient(endpoint: .unix(path: engine.path)))
        follower.heartbeat = .seconds(120)
        let feed = follower.feed()
        #expect(await Self.seconds(until: Self.isConnected, in: feed, within: 20) != nil)
        engine.stop()
        #expect(await Self.seconds(until: Self.isDisconnected, in: feed, within: 30) != nil, "the removed socket went unnoticed")
    }

    @Test func aHungEngineIsCalledUnreachable() async throws {
        let hung = Flag()
        let engine = try Self.engine(hung: hung)
        defer { engine.stop() }
        let feed = EventFollower(client: DockerClient(endpoint: .unix(path: engine.path))).feed()
        #expect(await Self.seconds(until: Self.isConnected, in: feed, within: 20) != nil)
        hung.value.withLock { $0 = true }
        // The engine holds its sockets open and stays silent: only the heartbeat's missed answer
        // can tell (the engine's fake events never end). Its 2 s bound is the benchmark's row.
        #expect(await Self.seconds(until: Self.isDisconnected, in: feed, within: 30) != nil, "the hung engine went unnoticed")
    }

    @Test func reconnectsWhenTheEngineReturnsNotWhenTheBackoffEnds() async throws {
        let first = try Self.engine()
        var follower = EventFollower(client: DockerClient(endpoint: .unix(path: first.path)))
        follower.initialBackoff = .seconds(120)  // far longer than the test: only the watch can bring it back
        let feed = follower.feed()
        #expect(await Self.seconds(until: Self.isConnected, in: feed, within: 20) != nil)
        first.stop()
        #expect(await Self.seconds(until: Self.isDisconnected, in: feed, within: 30) != nil)
        try await Task.sleep(for: .milliseconds(1500))
        let second = try Self.engine(path: first.path)
        defer { second.stop() }
        #expect(await Self.seconds(until: Self.isConnected, in: feed, within: 30) != nil, "not back before the backoff")
    }

    @Test func anEngineThatAnswersWithErrorsKeepsItsBackoff() async throws {
        // Listening is not back: the cheap look must not turn a failing engine into a busy loop.
        let engine = try FakeEngine { line in
            line.contains("/_ping") ? FakeEngine.ping : [.send("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")]
        }
        defer { engine.stop() }
        var follower = EventFollower(client: DockerClient(endpoint: .unix(path: engine.path)))
        follower.initialBackoff = .seconds(1)
        let feed = follower.feed()
        let failures = Counter()
        let reader = Task {
            for await item in feed where Self.isDisconnected(item) { failures.add() }
        }
        defer { reader.cancel() }
        // The first failure, however long a loaded machine takes to get there; then 2.5 s in
        // which a 1 s backoff (doubling) allows two more tries at most, where a busy loop would
        // make hundreds. Load can only make fewer.
        #expect(await waitFor(.seconds(30)) { failures.value >= 1 })
        let first = failures.value
        try await Task.sleep(for: .milliseconds(2500))
        #expect(failures.value - first <= 3, "\(failures.value - first) more attempts in 2.5 s with a 1 s backoff")
    }

    @Test func aConsumerThatFallsBehindIsToldToResync() async throws {
        let record = #"{"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{}},"time":1,"timeNano":NUMBER}"#
        var events: [FakeEngine.Step] = []
        for n in 1...40 {
            let line = record.replacingOccurrences(of: "NUMBER", with: String(n)) + "\n"
            events.append(.send(String(line.utf8.count, radix: 16) + "\r\n" + line + "\r\n"))
        }
        let engine = try Self.engine(events: events + [.pause(30)])
        defer { engine.stop() }
        var follower = EventFollower(client: DockerClient(endpoint: .unix(path: engine.path)))
        follower.bufferSize = 8
        let feed = follower.feed()
        try await Task.sleep(for: .milliseconds(800))  // a busy consumer: the 40 events pile up
        let overflowed = await Self.seconds(until: { if case .overflowed = $0 { return true } else { return false } }, in: feed, within: 3)
        #expect(overflowed != nil)
    }

    @Test func theSocketWatchWaitsAfterATimeoutAndWakesOnAChange() async throws {
        let path = "/tmp/ailab-watch-\(UUID().uuidString.prefix(8)).sock"
        let watch = try #require(SocketWatch(path: path))
        await watch.nextChange(within: .milliseconds(50))
        // A timed-out wait must not leave the next one returning at once (a busy loop).
        var started = Date()
        await watch.nextChange(within: .milliseconds(300))
        #expect(Date().timeIntervalSince(started) >= 0.25)
        started = Date()
        Task.detached {
            try? await Task.sleep(for: .milliseconds(100))
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        // Woken by the change, not by the end of a minute's wait (how soon is not this test's).
        await watch.nextChange(within: .seconds(60))
        #expect(Date().timeIntervalSince(started) < 30 && watch.exists)
        unlink(path)
    }

    @Test func oneUnreadableContainerSpoilsOnlyItsOwnRow() async throws {
        let good = #"{"Id":"aaa","Names":["/good"],"State":"running","Status":"Up 1 second"}"#
        let id = String(repeating: "b", count: 64)
        var body = Array("[\(good),{\"Id\":\"\(id)\",\"Names\":[\"/bad-utf8\"],\"Command\":\"".utf8) + [0xFF, 0xFE] + Array("\"},".utf8)
        body += Array(#"{"Id":"ccc","Names":["/huge"],"Created":1e999},"#.utf8)
        body += Array(#"{"Id":"ddd","Names":["/deep"],"Labels":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: 5000)
            + Array(repeating: UInt8(ascii: "]"), count: 5000) + Array("}]".utf8)
        let engine = try FakeEngine(answer: [.send("HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\n\r\n"), .bytes(body)])
        defer { engine.stop() }
        let listed = try await DockerClient(endpoint: .unix(path: engine.path)).listContainers()
        try #require(listed.count == 4, "\(listed)")
        #expect(listed[0].name == "good" && listed[0].problem == nil && listed[0].state == "running")
        for bad in listed.dropFirst() {
            #expect(bad.problem != nil && bad.state == "unknown" && bad.status.hasPrefix("unreadable: "), "\(bad)")
        }
        #expect(listed[1].id == id)
    }
}
