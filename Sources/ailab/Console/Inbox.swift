import Console
import CursesTerminal
import Synchronization

/// Where producers (engine, stats, logs, probes) leave events for the UI loop. The loop is
/// woken by one byte on the signal pipe, written only when the inbox goes from empty to not.
final class Inbox: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])

    func post(_ event: ConsoleEvent) {
        let wasEmpty = events.withLock { queue in
            queue.append(event)
            return queue.count == 1
        }
        if wasEmpty { SignalPipe.post(SignalPipe.wake) }
    }

    func drain() -> [ConsoleEvent] {
        events.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
