/// What can go wrong talking to an engine, in terms a person can act on.
public enum DockerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the endpoint (no socket, connection refused, host down).
    case unreachable(endpoint: String, reason: String)
    /// The socket exists but this user may not open it.
    case permissionDenied(endpoint: String)
    /// 404: no such container, image, network or volume.
    case notFound(String)
    /// 409: a name in use, a container still running, and the like.
    case conflict(String)
    /// Any other non-2xx answer, with the engine's own message.
    case engine(status: Int, message: String)
    /// No complete answer within the request's time limit.
    case timeout(operation: String, seconds: Double)
    /// The engine answered with something this client cannot read.
    case badResponse(operation: String, detail: String)
    /// `DOCKER_HOST` or a given endpoint is malformed.
    case badEndpoint(String, String)
    /// A stream ended before the engine said it was done.
    case streamEnded(operation: String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason):
            return "engine unreachable at \(endpoint): \(reason)"
        case .permissionDenied(let endpoint):
            return "permission denied on \(endpoint): add your user to the docker group "
                + "(sudo usermod -aG docker $USER, then log in again) or run as root"
        case .notFound(let message): return "not found: \(message)"
        case .conflict(let message): return "conflict: \(message)"
        case .engine(let status, let message): return "engine error \(status): \(message)"
        case .timeout(let operation, let seconds):
            return "\(operation) timed out after \(Self.format(seconds)) s"
        case .badResponse(let operation, let detail): return "unreadable answer to \(operation): \(detail)"
        case .badEndpoint(let text, let why): return "bad engine address '\(text)': \(why)"
        case .streamEnded(let operation): return "\(operation): the stream ended early"
        }
    }

    /// True when the engine itself cannot be reached, as opposed to refusing one request.
    public var isConnectionFailure: Bool {
        switch self {
        case .unreachable, .permissionDenied, .timeout, .streamEnded: return true
        default: return false
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
