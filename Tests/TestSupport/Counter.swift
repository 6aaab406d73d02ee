import Synchronization

/// A count that tasks and callbacks bump from any thread, for a test to read.
public final class Counter: Sendable {
    private let count = Mutex(0)

    public init() {}

    public func add(_ amount: Int = 1) { count.withLock { $0 += amount } }

    public var value: Int { count.withLock { $0 } }
}
