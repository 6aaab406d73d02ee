import Synchronization

/// Wakes one waiting loop early: `ring()` from the event stream, `wait(upTo:)` in the loop that
/// would otherwise sleep. A ring while nobody waits is kept, so the next wait returns at once
/// (a read that began before the event may have missed it).
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Bool, Never>?
        /// Which wait a timer belongs to, so a late timer never ends a later wait.
        var generation = 0
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: true)
    }

    /// Returns true when rung, false when `limit` passed (or the task was cancelled) first.
    func wait(upTo limit: Duration) async -> Bool {
        let generation = state.withLock { state -> Int in
            state.generation += 1
            return state.generation
        }
        let timer = Task { [self] in
            try? await Task.sleep(for: limit)
            end(generation, rung: false)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock: a cancel either comes before (seen here) or finds the waiter.
                let already = state.withLock { state -> Bool? in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiter = continuation
                    return nil
                }
                if let already { continuation.resume(returning: already) }
            }
        } onCancel: {
            end(generation, rung: false)
        }
    }

    /// Ends wait number `generation` if it still waits.
    private func end(_ generation: Int, rung: Bool) {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard state.generation == generation, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: rung)
    }
}
