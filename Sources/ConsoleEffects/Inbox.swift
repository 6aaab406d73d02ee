import Console
import Synchronization

/// Where producers (engine, stats, logs, probes) leave events for the UI loop. The loop is
/// woken by `wake` (one byte on the signal pipe), called only when the inbox goes from empty to not.
public final class Inbox: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])
    /// Log lines posted and not yet drained: a log follow waits while there are too many.
    private let logLines = Mutex(0)
    private let wake: @Sendable () -> Void

    public init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    public func post(_ event: ConsoleEvent) {
        let wasEmpty = events.withLock { queue in
            // A lab snapshot is the whole lab: one waiting is replaced, not queued behind (a
            // flood of engine events must not pile up snapshots of 10,000 ports each).
            if case .lab(.snapshot) = event, let waiting = queue.lastIndex(where: Self.isSnapshot) {
                queue.remove(at: waiting)
            }
            queue.append(event)
            return queue.count == 1
        }
        if case .logLines(let lines) = event { logLines.withLock { $0 += lines.count } }
        if wasEmpty { wake() }
    }

    public func drain() -> [ConsoleEvent] {
        let drained = events.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        logLines.withLock { $0 = 0 }
        return drained
    }

    /// Log lines waiting for the UI loop.
    public var waitingLogLines: Int { logLines.withLock { $0 } }

    /// Returns once at most `limit` log lines wait for the UI loop (or the task is cancelled):
    /// a log flood then waits in its `EngineStream`, and the engine at its socket, instead of
    /// piling up in the console's memory. It looks every 5 ms: the UI loop drains the inbox
    /// at every frame (40 ms), so a waiting follow is let go within a few looks.
    public func roomForLogLines(_ limit: Int) async {
        while waitingLogLines > limit, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// `events` with every lab snapshot but the newest dropped (each is the whole lab, so the
    /// newest says all): a flood of engine events then costs one reduce and one frame, not
    /// one per event (issue 11, item 6). The order of everything else is kept.
    public static func coalesced(_ events: [ConsoleEvent]) -> [ConsoleEvent] {
        guard let last = events.lastIndex(where: isSnapshot) else { return events }
        return events.enumerated().filter { index, event in !isSnapshot(event) || index == last }.map(\.element)
    }

    private static func isSnapshot(_ event: ConsoleEvent) -> Bool {
        if case .lab(.snapshot) = event { return true } else { return false }
    }
}
