import Console
import CursesTerminal
import Synchronization

/// Where producers (engine, stats, logs, probes) leave events for the UI loop. The loop is
/// woken by one byte on the signal pipe, written only when the inbox goes from empty to not.
final class Inbox: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])

    func post(_ event: ConsoleEvent) {
        let wasEmpty = events.withLock { queue in
            // A lab snapshot is the whole lab: one waiting is replaced, not queued behind (a
            // flood of engine events must not pile up snapshots of 10,000 ports each).
            if case .lab(.snapshot) = event, let waiting = queue.lastIndex(where: Self.isSnapshot) {
                queue.remove(at: waiting)
            }
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

    /// `events` with every lab snapshot but the newest dropped (each is the whole lab, so the
    /// newest says all): a flood of engine events then costs one reduce and one frame, not
    /// one per event (issue 11, item 6). The order of everything else is kept.
    static func coalesced(_ events: [ConsoleEvent]) -> [ConsoleEvent] {
        guard let last = events.lastIndex(where: isSnapshot) else { return events }
        return events.enumerated().filter { index, event in !isSnapshot(event) || index == last }.map(\.element)
    }

    private static func isSnapshot(_ event: ConsoleEvent) -> Bool {
        if case .lab(.snapshot) = event { return true } else { return false }
    }
}
