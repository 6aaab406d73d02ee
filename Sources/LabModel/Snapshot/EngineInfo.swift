import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What is known of the engine right now.
public struct EngineInfo: Sendable, Equatable {
    public var endpoint: String
    public var reachable: Bool
    public var version: String?
    public var apiVersion: String?
    /// Why it is unreachable, in a person's words.
    public var error: String?
    /// The same without the endpoint (the header names it already), from the typed error.
    public var reason: String?
    /// When the next connection attempt is due, while unreachable.
    public var nextRetry: Date?
    /// Its name among several watched engines (a docker context's, "default", or the address).
    public var name: String?

    public init(endpoint: String, reachable: Bool, version: String? = nil, apiVersion: String? = nil, error: String? = nil, nextRetry: Date? = nil) {
        self.endpoint = endpoint
        self.reachable = reachable
        self.version = version
        self.apiVersion = apiVersion
        self.error = error
        self.nextRetry = nextRetry
    }

    /// Before the first answer: not known to be down, not known to be up.
    public static func connecting(_ endpoint: DockerEndpoint) -> EngineInfo {
        EngineInfo(endpoint: endpoint.description, reachable: false)
    }

    public static func unreachable(_ endpoint: DockerEndpoint, _ error: any Error, nextRetry: Date? = nil) -> EngineInfo {
        var info = EngineInfo(endpoint: endpoint.description, reachable: false, error: String(describing: error), nextRetry: nextRetry)
        info.reason = if case DockerError.unreachable(_, let why)? = error as? DockerError { why } else { info.error }
        return info
    }
}
