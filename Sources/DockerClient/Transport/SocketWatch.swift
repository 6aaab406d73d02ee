#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Watches a local engine's socket path with inotify: the follower learns at once that the
/// engine removed its socket (a graceful stop, which keeps open connections alive for seconds
/// while it stops containers) or made it again (a restart), instead of waiting for a
/// heartbeat or a backoff to run out. inotify(7): a watch on the directory reports IN_CREATE,
/// IN_DELETE and IN_MOVED_* for the names in it, sockets included.
final class SocketWatch: Sendable {
    let path: String
    /// Written once to end the watching thread (a pipe: poll wakes on it, no signals needed).
    private let stopFD: Int32
    private let changes = Changes()

    /// nil when the directory cannot be watched; callers then rely on connect attempts alone.
    init?(path: String) {
        let directory = Path.parent(path)
        let name = Path.lastComponent(path)
        self.path = path
        var pipeFDs: [Int32] = [-1, -1]
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(fd, directory.isEmpty ? "/" : directory, mask) >= 0, pipe(&pipeFDs) == 0 else {
            close(fd)
            return nil
        }
        stopFD = pipeFDs[1]
        let (stopRead, changes) = (pipeFDs[0], changes)
        DetachedThread.start { Self.watch(fd, stop: stopRead, name: name, changes) }
    }

    /// Whether the socket's path exists now.
    var exists: Bool { access(path, F_OK) == 0 }

    /// Returns at the next change of the path (created, removed, renamed), at once if one
    /// happened while nobody waited, or after `limit`.
    func nextChange(within limit: Duration) async {
        let (changes, token) = (changes, UUID())
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await changes.wait(token) }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    private static func watch(_ inotifyFD: Int32, stop: Int32, name: String, _ changes: Changes) {
        var fds = [pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            if poll(&fds, 2, -1) < 0 && errno != EINTR { break }
            if fds[1].revents != 0 { break }
            let count = read(inotifyFD, &buffer, buffer.count)
            guard count > 0 else { continue }
            if names(in: buffer[0..<count]).contains(where: { $0 == name || $0.isEmpty }) { changes.signal() }
        }
        close(inotifyFD)
        close(stop)
    }

    deinit {
        var byte: UInt8 = 0
        _ = write(stopFD, &byte, 1)
        close(stopFD)
    }

    /// Who waits for a change, each until it comes or its wait is cancelled (a timeout): a
    /// cancelled wait is resumed at once and leaves nothing behind.
    final class Changes: Sendable {
        private let state = Mutex<(unseen: Bool, waiters: [UUID: CheckedContinuation<Void, Never>], cancelled: Set<UUID>)>((false, [:], []))

        func signal() {
            let waiting = state.withLock { state in
                if state.waiters.isEmpty { state.unseen = true }
                defer { state.waiters = [:] }
                return Array(state.waiters.values)
            }
            waiting.forEach { $0.resume() }
        }

        func wait(_ token: UUID) async {
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let now = state.withLock { state -> Bool in
                        if state.cancelled.remove(token) != nil || state.unseen {
                            state.unseen = false
                            return true
                        }
                        state.waiters[token] = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            } onCancel: {
                let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
                    if let waiting = state.waiters.removeValue(forKey: token) { return waiting }
                    state.cancelled.insert(token)
                    return nil
                }
                waiting?.resume()
            }
        }
    }

    /// The names in a buffer of `struct inotify_event` records (wd, mask, cookie, len, name);
    /// an empty name is an event on the directory itself.
    static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        let header = 16
        while offset + header <= bytes.endIndex {
            let length = bytes[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let end = min(offset + header + length, bytes.endIndex)
            names.append(String(decoding: bytes[(offset + header)..<end].prefix { $0 != 0 }, as: UTF8.self))
            offset = end
        }
        return names
    }
}
