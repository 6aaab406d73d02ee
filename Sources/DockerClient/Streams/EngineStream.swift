import Synchronization

/// The one way a streamed answer of the engine (a log follow, stats, events, pull progress)
/// reaches its reader. A producer task fills a buffer of at most `limit` elements and waits
/// while it is full, so a reader that falls behind stops the producer; the producer then stops
/// reading its NIOAsyncChannel, whose inbound sequence stops reading the socket (NIO's own
/// backpressure), and the engine's writes wait in the kernel. Memory stays at `limit` elements
/// whatever the engine sends (an unbounded AsyncThrowingStream would hold all of a 100 MB/s log).
/// The reader's end (a break, its task cancelled, the sequence dropped) cancels the producer,
/// which closes the connection.
public struct EngineStream<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error

    /// How the producer hands over one element: it waits while the buffer is full, and throws
    /// `CancellationError` once the reader has gone.
    public typealias Send = @Sendable (Element) async throws -> Void

    private let token: Token

    /// Starts `produce` at once; its return ends the stream, its error ends it with that error.
    public init(limit: Int = 16, _ produce: @escaping @Sendable (_ send: Send) async throws -> Void) {
        let core = EngineStreamCore<Element>(limit: Swift.max(1, limit))
        core.start(produce)
        token = Token(core: core)
    }

    /// Elements buffered now, and the most ever buffered (tests and the benchmark read them).
    public var buffered: (now: Int, most: Int) { token.core.buffered }

    /// One reader: leaving its loop (the iterator dropped) ends the stream, as does dropping a
    /// stream never read.
    public func makeAsyncIterator() -> Iterator {
        token.core.reading()
        return Iterator(token: Token(core: token.core, reader: true))
    }

    public struct Iterator: AsyncIteratorProtocol {
        let token: Token

        public mutating func next() async throws -> Element? { try await token.core.next() }
    }

    /// Held by the sequence and by its iterator: the iterator's going stops the producer, and
    /// so does the sequence's when no iterator was made (a `for` loop drops the sequence at once).
    final class Token: Sendable {
        let core: EngineStreamCore<Element>
        let reader: Bool
        init(core: EngineStreamCore<Element>, reader: Bool = false) {
            self.core = core
            self.reader = reader
        }
        deinit { if reader { core.cancel() } else { core.sequenceDropped() } }
    }
}

/// The buffer and the two waiting sides behind `EngineStream`.
final class EngineStreamCore<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element] = []
        var head = 0
        var most = 0
        var end: Result<Void, any Error>?
        var reader: CheckedContinuation<Element?, any Error>?
        var writer: CheckedContinuation<Void, Never>?
        var producer: Task<Void, Never>?
        var cancelled = false
        var read = false

        var count: Int { buffer.count - head }

        mutating func pop() -> Element {
            let element = buffer[head]
            head += 1
            if head > 64, head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            return element
        }
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) { self.limit = limit }

    var buffered: (now: Int, most: Int) { state.withLock { ($0.count, $0.most) } }

    func start(_ produce: @escaping @Sendable (_ send: EngineStream<Element>.Send) async throws -> Void) {
        let task = Task.detached { [self] in
            do {
                try await produce { try await self.send($0) }
                finish(.success(()))
            } catch {
                finish(.failure(error))
            }
        }
        let cancelNow = state.withLock { state in
            state.producer = task
            return state.cancelled
        }
        if cancelNow { task.cancel() }
    }

    /// The producer's side: hands `element` to a waiting reader, or buffers it and waits while
    /// the buffer is full.
    func send(_ element: Element) async throws {
        try Task.checkCancellation()
        let reader: CheckedContinuation<Element?, any Error>? = state.withLock { state in
            if let reader = state.reader {
                state.reader = nil
                return reader
            }
            state.buffer.append(element)
            state.most = max(state.most, state.count)
            return nil
        }
        if let reader {
            reader.resume(returning: element)
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (writer: CheckedContinuation<Void, Never>) in
                let full = state.withLock { state in
                    guard state.count >= limit, !state.cancelled else { return false }
                    state.writer = writer
                    return true
                }
                if !full { writer.resume() }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.writer = nil }
                return state.writer
            }?.resume()
        }
        try Task.checkCancellation()
    }

    /// The reader's side: the next element, nil at the end (or once the reader is cancelled).
    private enum Step {
        case element(Element, CheckedContinuation<Void, Never>?)
        case end(Result<Void, any Error>)
        case wait
    }

    /// Takes the next element (waking a waiting producer once there is room) or the end.
    private static func step(_ state: inout State, limit: Int) -> Step {
        if state.count > 0 {
            let element = state.pop()
            let writer = state.count < limit ? state.writer : nil
            if writer != nil { state.writer = nil }
            return .element(element, writer)
        }
        if let end = state.end {
            state.end = .success(())  // an error is thrown once; then the stream is over
            return .end(end)
        }
        return .wait
    }

    func next() async throws -> Element? {
        let limit = limit
        switch state.withLock({ Self.step(&$0, limit: limit) }) {
        case .element(let element, let writer):
            writer?.resume()
            return element
        case .end(let end):
            try end.get()
            return nil
        case .wait:
            break
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (reader: CheckedContinuation<Element?, any Error>) in
                let now: Step = state.withLock { state in
                    let now = Self.step(&state, limit: limit)
                    if case .wait = now {
                        if state.cancelled { return .end(.success(())) }
                        state.reader = reader
                    }
                    return now
                }
                switch now {
                case .element(let element, let writer):
                    writer?.resume()
                    reader.resume(returning: element)
                case .end(let end):
                    reader.resume(with: end.map { nil })
                case .wait:
                    break
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// An iterator exists: from now on its end, not the sequence's, ends the stream.
    func reading() { state.withLock { $0.read = true } }

    func sequenceDropped() {
        if !state.withLock({ $0.read }) { cancel() }
    }

    /// The reader is gone: stop the producer, release whoever waits.
    func cancel() {
        let (producer, reader, writer) = state.withLock { state in
            state.cancelled = true
            if state.end == nil { state.end = .success(()) }
            defer { (state.reader, state.writer) = (nil, nil) }
            return (state.producer, state.reader, state.writer)
        }
        producer?.cancel()
        reader?.resume(returning: nil)
        writer?.resume()
    }

    private func finish(_ result: Result<Void, any Error>) {
        let reader = state.withLock { state in
            if state.end == nil { state.end = result }
            defer { state.reader = nil }
            return state.reader
        }
        guard let reader else { return }
        // Nothing was buffered (a reader waits only on an empty buffer): the end is next.
        let end = state.withLock { state in
            defer { state.end = .success(()) }
            return state.end ?? .success(())
        }
        reader.resume(with: end.map { nil })
    }
}
