#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import Synchronization

/// A client of one Docker engine: typed calls over `HTTPTransport`, every one with a time limit.
///
/// Several engines (contexts, remote hosts) are several clients; nothing here is global.
public final class DockerClient: Sendable {
    public let endpoint: DockerEndpoint
    public let transport: HTTPTransport
    /// The limit for ordinary calls; long operations (stop with a grace period, pulls) add theirs.
    public let requestTimeout: Duration
    private let negotiated = Mutex<APIVersion?>(nil)

    /// `tls`: for a tcp:// engine that wants it; `sshConfigFile`: `ssh -F` for an ssh:// engine.
    public init(endpoint: DockerEndpoint, requestTimeout: Duration = .seconds(5), tls: EngineTLS? = nil, sshConfigFile: String? = nil) {
        self.endpoint = endpoint
        self.transport = HTTPTransport(endpoint: endpoint, tls: tls, sshConfigFile: sshConfigFile)
        self.requestTimeout = requestTimeout
    }

    /// The API version in use: the engine's (from `/_ping`) capped at what this client reads.
    public func apiVersion() async throws -> APIVersion {
        if let known = negotiated.withLock({ $0 }) { return known }
        let response = try await transport.send(HTTPRequest(.get, "/_ping"), timeout: requestTimeout, operation: "ping")
        guard response.isSuccess else { throw Self.error(from: response) }
        let engine = response.header("Api-Version").flatMap(APIVersion.init) ?? APIVersion.oldestSupported
        guard engine >= APIVersion.oldestSupported else {
            throw DockerError.badResponse(operation: "ping", detail: "engine API \(engine) is older than \(APIVersion.oldestSupported)")
        }
        let chosen = min(engine, APIVersion.newestSupported)
        negotiated.withLock { $0 = chosen }
        return chosen
    }

    /// Forgets the negotiated version, so the next call asks again (after a reconnect the
    /// engine may have been upgraded).
    public func resetNegotiation() {
        negotiated.withLock { $0 = nil }
    }

    /// Sends a versioned request and returns the answer, throwing the engine's error for non-2xx.
    func call(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [],
        body: (any Encodable)? = nil, operation: String, timeout: Duration? = nil,
        accepting extraStatuses: Set<Int> = []
    ) async throws -> HTTPResponse {
        let request = try await versionedRequest(method, path, query: query, body: body)
        let response = try await transport.send(request, timeout: timeout ?? requestTimeout, operation: operation)
        guard response.isSuccess || extraStatuses.contains(response.status) else { throw Self.error(from: response) }
        return response
    }

    /// Like `call`, for answers that stream (events, logs, stats, pull progress).
    func openStream(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [],
        body: (any Encodable)? = nil, operation: String
    ) async throws -> EngineStream<[UInt8]> {
        let request = try await versionedRequest(method, path, query: query, body: body)
        let (head, chunks) = try await transport.stream(request, timeout: requestTimeout, operation: operation)
        guard (200..<300).contains(head.status) else {
            // An error's body is a short message: read at most 64 KiB of it within the request's
            // time limit, so an engine that drips it or never ends it cannot hold the caller.
            let body = (try? await withDeadline(requestTimeout, operation: operation) { try await Self.prefix(of: chunks, limit: 65_536) }) ?? []
            throw Self.error(from: HTTPResponse(status: head.status, headers: head.headers, body: body))
        }
        return chunks
    }

    /// The first `limit` bytes of a stream; leaving the loop closes its connection.
    static func prefix(of chunks: EngineStream<[UInt8]>, limit: Int) async throws -> [UInt8] {
        var body: [UInt8] = []
        for try await chunk in chunks {
            body += chunk.prefix(limit - body.count)
            if body.count >= limit { break }
        }
        return body
    }

    func versionedRequest(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)], body: (any Encodable)?
    ) async throws -> HTTPRequest {
        let version = try await apiVersion()
        let encoded = try body.map { try Array(JSONEncoder().encode($0)) }
        return HTTPRequest(method, QueryString.path("/v\(version)\(path)", query), body: encoded)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw DockerError.badResponse(operation: operation, detail: Self.describe(error))
        }
    }

    /// Decodes a JSON array item by item: an item that does not decode becomes what
    /// `unreadable` makes of its index, its bytes and what was wrong, and the rest stay.
    static func decodeEach<T: Decodable>(
        _ type: T.Type, _ body: [UInt8], operation: String, unreadable: (Int, ArraySlice<UInt8>, String) -> T
    ) throws -> [T] {
        guard let items = try? JSONItems.split(body) else {
            do {
                return try JSONDecoder().decode([T].self, from: Data(body))
            } catch {
                throw DockerError.badResponse(operation: operation, detail: describe(error))
            }
        }
        let decoder = JSONDecoder()
        return items.enumerated().map { index, item in
            do {
                return try decoder.decode(T.self, from: Data(item))
            } catch {
                return unreadable(index, item, Self.describe(error))
            }
        }
    }

    static func error(from response: HTTPResponse) -> DockerError {
        let message = engineMessage(response.body)
        switch response.status {
        case 404: return .notFound(message)
        case 409: return .conflict(message)
        default: return .engine(status: response.status, message: message)
        }
    }

    /// The engine's `{"message": …}`, or the body's first line when it is not JSON.
    static func engineMessage(_ body: [UInt8]) -> String {
        struct Message: Decodable { let message: String }
        if let decoded = try? JSONDecoder().decode(Message.self, from: Data(body)) { return decoded.message }
        let text = String(decoding: body.prefix(512), as: UTF8.self).trimmed()
        return text.isEmpty ? "(no message)" : String(text.split(separator: "\n").first ?? "")
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return "malformed JSON" + path(context)
        case DecodingError.keyNotFound(let key, let context): return "missing \(key.stringValue)" + path(context)
        case DecodingError.typeMismatch(let type, let context): return "expected \(type)" + path(context)
        case DecodingError.valueNotFound(let type, let context): return "null where \(type) was expected" + path(context)
        default: return String(describing: error)
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "" : " at \(keys)"
    }
}
