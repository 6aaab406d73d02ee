import ConsoleEffects
import DockerClient
import LabExposure
import LabModel
import Synchronization
import TestSupport

/// An engine for the effect runner's tests: logs and stats are what the test feeds them (a
/// stream stays open until the test finishes it or its task is cancelled); port checks wait
/// until cancelled when `probesHang`.
final class FakeEffectEngine: EffectEngine, Sendable {
    let logFeeds = Mutex<[String: AsyncThrowingStream<LogChunk, any Error>.Continuation]>([:])
    let tails: [String: [LogChunk]]
    let probesHang: Bool
    /// Streams the runner ended by cancelling its task.
    let cancelled = Counter()

    init(tails: [String: [LogChunk]] = [:], probesHang: Bool = false) {
        self.tails = tails
        self.probesHang = probesHang
    }

    func stats(_ id: String) async throws -> EngineStream<ContainerStats> {
        let (stream, continuation) = AsyncThrowingStream<ContainerStats, any Error>.makeStream()
        continuation.onTermination = { [cancelled] _ in cancelled.add() }
        return Self.relay(stream)
    }

    /// Lines the flood container's log has produced so far.
    let flooded = Counter()

    func logs(_ id: String, _ query: LogQuery) async throws -> EngineStream<LogChunk> {
        if id == "flood" {
            // A container printing as fast as it is read: ten 100-byte lines a chunk, forever.
            return EngineStream { [flooded] send in
                let line = "2026-11-24T20:41:07.123456789Z \(String(repeating: "x", count: 68))\n"
                let chunk = LogChunk(stream: .stdout, bytes: Array(String(repeating: line, count: 10).utf8))
                while true {
                    try await send(chunk)
                    flooded.add(10)
                }
            }
        }
        let (stream, continuation) = AsyncThrowingStream<LogChunk, any Error>.makeStream()
        if !query.follow {
            tails[id, default: []].forEach { continuation.yield($0) }
            continuation.finish()
            return Self.relay(stream)
        }
        continuation.onTermination = { [cancelled] termination in
            if case .cancelled = termination { cancelled.add() }
        }
        logFeeds.withLock { $0[id] = continuation }
        return Self.relay(stream)
    }

    /// The test's feed as the engine's streams come: through an `EngineStream`.
    static func relay<T: Sendable>(_ feed: AsyncThrowingStream<T, any Error>) -> EngineStream<T> {
        EngineStream { send in
            for try await element in feed { try await send(element) }
        }
    }

    func feed(_ id: String, _ text: String, stream: LogStream = .stdout) {
        _ = logFeeds.withLock { $0[id] }?.yield(LogChunk(stream: stream, bytes: Array(text.utf8)))
    }

    func end(_ id: String) { logFeeds.withLock { $0[id] }?.finish() }

    func inspectDocument(_ id: String) async throws -> [UInt8] { Array("{\"Id\":\"\(id)\"}".utf8) }

    func listening(_ ports: [PortProbe.Target]) async -> [PortProbe.Target: Bool] {
        if probesHang {
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            cancelled.add()
        }
        return Dictionary(uniqueKeysWithValues: ports.map { ($0, true) })
    }

    func checkExposure(_ snapshot: LabSnapshot) async -> (findings: [String: AuthFinding], unchecked: String) { ([:], "not running") }
}
