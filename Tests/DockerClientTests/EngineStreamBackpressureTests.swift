@testable import DockerClient
import Foundation
import Synchronization
import TestSupport
import Testing

/// `EngineStream` keeps what a slow reader has not read to its limit, all the way to the socket:
/// a log flood leaves memory flat. Correctness only: how fast is the benchmark's question.
struct EngineStreamBackpressureTests {
    @Test func aProducerWaitsWhileItsReaderIsBehind() async throws {
        let produced = Counter()
        let stream = EngineStream<Int>(limit: 8) { send in
            var next = 0
            while true {
                try await send(next)
                produced.add()
                next += 1
            }
        }
        var read: [Int] = []
        for try await element in stream {
            read.append(element)
            try await Task.sleep(for: .milliseconds(2))
            if read.count == 50 { break }
        }
        #expect(read == Array(0..<50))
        // What was produced and not read fits in the buffer (and the one send waiting).
        #expect(produced.value <= 50 + 8 + 1)
        #expect(stream.buffered.most <= 8)
    }

    @Test func leavingTheLoopStopsTheProducer() async throws {
        let ended = Counter()
        let stream = EngineStream<Int>(limit: 2) { send in
            defer { ended.add() }
            while true { try await send(1) }
        }
        for try await _ in stream { break }
        #expect(await waitFor { ended.value == 1 })
    }

    @Test func anErrorComesAfterEverythingSentBeforeIt() async throws {
        let stream = EngineStream<Int>(limit: 4) { send in
            for value in 1...3 { try await send(value) }
            throw DockerError.streamEnded(operation: "logs x")
        }
        var read: [Int] = []
        await #expect(throws: DockerError.streamEnded(operation: "logs x")) {
            for try await value in stream { read.append(value) }
        }
        #expect(read == [1, 2, 3])
    }

    /// A log follow of a container printing as fast as a socket takes it, read slowly: the
    /// engine's writes wait once the buffers between are full, instead of the client holding
    /// everything written (an unbounded stream held hundreds of MB here within a second).
    @Test func aLogFloodReadSlowlyHoldsTheWriterBack() async throws {
        let engine = try FloodEngine()
        defer { engine.stop() }
        let client = DockerClient(endpoint: .unix(path: engine.path))
        let logs = try await client.logs("flood", LogQuery(follow: true, tail: nil))
        var lines = 0
        for try await _ in logs {
            lines += 1
            if lines % 50 == 0 { try await Task.sleep(for: .milliseconds(10)) }
            if lines >= 2_000 { break }
        }
        // Read: about 200 kB. Allowed in flight: the stream's buffer, NIO's read buffers and
        // the kernel's socket buffers, all in all a few MB; unbounded it is the whole flood.
        #expect(engine.written < 24 << 20, "the engine wrote \(engine.written) bytes for a reader that took 200 kB")
        #expect(logs.buffered.most <= 16)
    }
}
