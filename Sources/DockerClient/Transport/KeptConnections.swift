import NIOCore
import Synchronization

/// Connections to an ssh:// engine kept open between requests, as the docker CLI's HTTP client
/// keeps them (Go's http.Transport: up to 2 idle connections per host, each one `ssh … docker
/// system dial-stdio` from its connhelper): the heartbeat's ping each second, a resync's list and
/// the Swarm's reads reuse one ssh instead of starting one each. Only GET requests use them: a
/// kept connection the engine or ssh closed while idle is found out by the next request, which
/// is then sent again on a fresh one, and only a GET may safely be sent twice.
final class KeptConnections: Sendable {
    /// As Go's `DefaultMaxIdleConnsPerHost`.
    static let idleLimit = 2
    private let idle = Mutex<[any Channel]>([])

    deinit { idle.withLock { $0 }.forEach { $0.close(promise: nil) } }

    /// An idle connection still open, if there is one.
    func take() -> (any Channel)? {
        idle.withLock { channels in
            while let channel = channels.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
    }

    /// Keeps `channel` for the next request, or closes it when enough are kept.
    func put(_ channel: any Channel) {
        let extra = idle.withLock { channels -> (any Channel)? in
            guard channels.count < Self.idleLimit else { return channel }
            channels.append(channel)
            return nil
        }
        extra?.close(promise: nil)
    }
}
