import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why Vault did not take or give the secrets: `refused` before anything was written (not
/// reachable, not initialised, sealed, token refused), else a write or read that failed.
public struct VaultError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var refused: Bool
}

/// The few Vault HTTP API calls the lab makes, through DockerClient's transport (only
/// DockerClient opens sockets). Sources: https://developer.hashicorp.com/vault/api-docs/system/health
/// (`GET /v1/sys/health`: 200 initialised, unsealed and active; 429 unsealed standby; 501 not
/// initialised; 503 sealed) and https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2
/// (`POST /v1/:mount/data/:path` with `{"data": {...}}` writes a new version; `GET` of the
/// same path answers `{"data": {"data": {...}, "metadata": {...}}}`), the token in `X-Vault-Token`.
public struct VaultClient: Sendable {
    public let address: String
    let host: String
    let port: Int
    private let token: String?
    public var timeout: Duration = .seconds(5)

    /// `address`: `http://127.0.0.1:8200` (Vault's own `VAULT_ADDR` form; plain HTTP only).
    public init(address: String, token: String?) throws(VaultError) {
        guard let url = URL(string: address), url.scheme == "http", let host = url.host else {
            throw VaultError(description: "Vault address \(address): expected http://HOST:PORT (https is not supported here)", refused: true)
        }
        self.address = address
        self.host = host
        self.port = url.port ?? 8200
        self.token = token
    }

    /// Throws, saying why, unless Vault is initialised and unsealed.
    public func checkReady() async throws(VaultError) {
        let response = try await send(.get, "/v1/sys/health", body: nil, what: "ask Vault's health")
        switch response.status {
        case 200, 429: return
        case 501: throw VaultError(description: "Vault at \(address) is not initialised: run `vault operator init` first, then unseal it", refused: true)
        case 503: throw VaultError(description: "Vault at \(address) is sealed: unseal it (`vault operator unseal`) and run this again; nothing was copied", refused: true)
        default: throw VaultError(description: "Vault at \(address) answered \(response.status) to GET /v1/sys/health", refused: true)
        }
    }

    /// Writes one KV v2 secret holding every value (a new version of it).
    public func write(mount: String, path: String, values: [String: String]) async throws(VaultError) {
        let body = JSONValue.object(["data": .object(values.mapValues(JSONValue.string))]).encoded()
        let response = try await send(.post, "/v1/\(mount)/data/\(path)", body: Array(body), what: "write \(mount)/data/\(path)")
        guard response.isSuccess else { throw failure(response, "write \(mount)/data/\(path)") }
    }

    /// The latest version's values of one KV v2 secret.
    public func read(mount: String, path: String) async throws(VaultError) -> [String: String] {
        let response = try await send(.get, "/v1/\(mount)/data/\(path)", body: nil, what: "read \(mount)/data/\(path)")
        guard response.isSuccess else { throw failure(response, "read \(mount)/data/\(path)") }
        // Vault's KV holds any JSON under data.data: its strings are the lab's secrets.
        guard let values = (try? JSONValue.parse(response.body))?["data"]?["data"]?.object else {
            throw VaultError(description: "Vault's answer to read \(mount)/data/\(path) holds no data.data", refused: false)
        }
        return values.compactMapValues(\.string)
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: [UInt8]?, what: String) async throws(VaultError) -> HTTPResponse {
        // A mount or path from the command line goes into the request line: nothing but a path.
        guard path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.?=&".contains($0)) }), !path.contains("..") else {
            throw VaultError(description: "Vault path \(path): only letters, digits, '-', '_', '.' and '/' may name a mount or secret", refused: true)
        }
        var request = HTTPRequest(method, path, body: body, contentType: body == nil ? nil : "application/json")
        if let token { request.headers = [("X-Vault-Token", token)] }
        do {
            return try await HTTPTransport(endpoint: .tcp(host: host, port: port)).send(request, timeout: timeout, operation: "Vault \(what)")
        } catch {
            throw VaultError(description: "Vault at \(address) does not answer (\(what)): \(error)", refused: true)
        }
    }

    /// Vault's own `errors` list, never the token.
    private func failure(_ response: HTTPResponse, _ what: String) -> VaultError {
        let errors = ((try? JSONValue.parse(response.body))?["errors"]?.array ?? []).compactMap(\.string).joined(separator: "; ")
        let hint = response.status == 403 ? " (the token was refused)" : response.status == 404 ? " (is a KV v2 engine mounted there?)" : ""
        return VaultError(description: "Vault refused to \(what): \(response.status)\(hint)\(errors.isEmpty ? "" : ": \(errors)")", refused: response.status == 403)
    }
}
