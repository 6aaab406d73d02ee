import DockerClient
import Synchronization

/// The engine feed as batches: everything that arrived while the consumer was busy with the
/// last batch comes as one, so a burst of events (kill, die; a compose up of ten containers)
/// costs one snapshot, not one or two per event (issue 17: work per event proportional to
/// what changed). A quiet engine's single event is a batch of one, handed over at once.
struct FeedBatches: AsyncSequence, Sendable {
    typealias Element = [EngineFeed]
    let feed: AsyncStream<EngineFeed>

    func makeAsyncIterator() -> Iterator { Iterator(Reader(feed)) }

    struct Iterator: AsyncIteratorProtocol {
        let reader: Reader
        var wakes: AsyncStream<Void>.Iterator

        init(_ reader: Reader) {
            self.reader = reader
            wakes = reader.wakes.makeAsyncIterator()
        }

        /// All that is buffered, waiting for one item first; nil once the feed has ended (or
        /// the task is cancelled) and nothing is left.
        mutating func next() async -> [EngineFeed]? {
            while true {
                let (items, ended) = reader.take()
                if !items.isEmpty { return items }
                if ended { return nil }
                guard await wakes.next() != nil else {
                    let (rest, _) = reader.take()
                    return rest.isEmpty ? nil : rest
                }
            }
        }
    }

    /// Reads the feed into a buffer on a task of its own, for as long as the iterator lives.
    final class Reader: Sendable {
        private let state = Mutex<(items: [EngineFeed], ended: Bool)>(([], false))
        let wakes: AsyncStream<Void>
        private let task = Mutex<Task<Void, Never>?>(nil)

        init(_ feed: AsyncStream<EngineFeed>) {
            // One wake waiting is enough: the consumer takes all that is buffered when it wakes.
            let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            self.wakes = wakes
            let reading = Task.detached { [weak self] in
                for await item in feed {
                    self?.state.withLock { $0.items.append(item) }
                    wake.yield()
                }
                self?.state.withLock { $0.ended = true }
                wake.finish()
            }
            task.withLock { $0 = reading }
        }

        deinit { task.withLock { $0?.cancel() } }

        func take() -> (items: [EngineFeed], ended: Bool) {
            state.withLock { state in
                defer { state.items.removeAll(keepingCapacity: true) }
                return (state.items, state.ended)
            }
        }
    }
}
