import Synchronization

/// Every task the effect runner starts, so quitting can cancel them all: a task leaves the set
/// when its work ends, and `cancelAll` cancels what is still there.
final class EffectTasks: Sendable {
    private struct Entries {
        var next = 0
        var running: [Int: Task<Void, Never>] = [:]
        /// Tasks that ended before they were entered (a fast task can beat its own `start`).
        var endedEarly: Set<Int> = []
    }

    private let entries = Mutex(Entries())

    /// Starts `work` detached and keeps its task until it ends.
    @discardableResult
    func start(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        let id = entries.withLock { entries in
            defer { entries.next += 1 }
            return entries.next
        }
        let task = Task.detached { [weak self] in
            await work()
            self?.ended(id)
        }
        entries.withLock { entries in
            if entries.endedEarly.remove(id) == nil { entries.running[id] = task }
        }
        return task
    }

    /// How many tasks are still running (tests read it).
    var count: Int { entries.withLock { $0.running.count } }

    func cancelAll() {
        let tasks = entries.withLock { entries in
            defer { entries.running = [:] }
            return Array(entries.running.values)
        }
        tasks.forEach { $0.cancel() }
    }

    private func ended(_ id: Int) {
        entries.withLock { entries in
            if entries.running.removeValue(forKey: id) == nil { entries.endedEarly.insert(id) }
        }
    }
}
