#if canImport(Glibc)
import Glibc
#endif

/// A plain OS thread for work that blocks by design (a watch on inotify, a deadline that must
/// fire even when every task is stuck, reaping a child): the cooperative pool must never block,
/// and Foundation's `Thread` is full Foundation (issue 17).
public enum DetachedThread {
    final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Starts `body` on a new detached thread. Returns false when the system refuses a thread.
    @discardableResult
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            let body = Unmanaged<Body>.fromOpaque(raw).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
