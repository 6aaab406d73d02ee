import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a socket-level failure into the `DockerError` a person can act on.
enum ConnectFailure {
    static func classify(_ error: any Error, endpoint: DockerEndpoint) -> DockerError {
        let where_ = endpoint.description
        if let io = error as? IOError { return fromErrno(io.errnoCode, endpoint: where_) }
        if let failed = error as? NIOConnectionError {
            if let io = failed.connectionErrors.lazy.compactMap({ $0.error as? IOError }).first {
                return fromErrno(io.errnoCode, endpoint: where_)
            }
            if failed.dnsAError != nil || failed.dnsAAAAError != nil {
                return .unreachable(endpoint: where_, reason: "the host name does not resolve")
            }
        }
        if case ChannelError.connectTimeout = error {
            return .unreachable(endpoint: where_, reason: "connecting timed out")
        }
        return .unreachable(endpoint: where_, reason: String(describing: error))
    }

    private static func fromErrno(_ code: Int32, endpoint: String) -> DockerError {
        switch code {
        case EACCES, EPERM: return .permissionDenied(endpoint: endpoint)
        case ENOENT: return .unreachable(endpoint: endpoint, reason: "no socket there (is dockerd running?)")
        case ECONNREFUSED: return .unreachable(endpoint: endpoint, reason: "connection refused (is dockerd running?)")
        default: return .unreachable(endpoint: endpoint, reason: String(cString: strerror(code)))
        }
    }
}
