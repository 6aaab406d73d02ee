#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The engine's exec API: a process started by the engine inside a running container (never
/// on this host), with a TTY, for the console's shell.
///
/// Engine API reference (v1.41, the oldest engine tested here; later versions add fields only):
/// https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Exec
/// - `POST /containers/{id}/exec` (ContainerExec): AttachStdin/Stdout/Stderr, Tty, Env, Cmd → `{"Id"}`.
///   `ConsoleSize` is sent only to engines of API 1.42 (Docker 23) or newer, where the version
///   history (https://docs.docker.com/engine/api/version-history) lists it; every engine also
///   gets a resize right after the start, so the TTY is sized either way.
/// - `POST /exec/{id}/start` (ExecStart): with `Connection: Upgrade`, `Upgrade: tcp` the engine
///   answers `101 UPGRADED` and the connection becomes the process's raw TTY stream ("Hijacking",
///   under ContainerAttach). See `HijackedConnection`; over every transport (`hijackable`).
/// - `POST /exec/{id}/resize?h=&w=` (ExecResize): only for an exec created with Tty.
/// - `GET /exec/{id}/json` (ExecInspect): `Running` and `ExitCode` once the process ended.
extension DockerClient {
    /// Creates an exec of `command` with a TTY and every stream attached; returns its id.
    public func createExec(_ containerID: String, command: [String], environment: [String], size: TerminalSize?) async throws -> String {
        struct Body: Encodable {
            let AttachStdin = true, AttachStdout = true, AttachStderr = true, Tty = true
            let Env: [String]
            let Cmd: [String]
            let ConsoleSize: [Int]?
        }
        struct Created: Decodable { let Id: String }
        let sized = try await apiVersion() >= APIVersion(1, 42) ? size.map { [$0.rows, $0.columns] } : nil
        let body = Body(Env: environment, Cmd: command, ConsoleSize: sized)
        let operation = "exec in \(containerID)"
        let response = try await call(.post, "/containers/\(QueryString.encode(containerID))/exec", body: body, operation: operation)
        return try decode(Created.self, response, operation: operation).Id
    }

    /// Starts an exec and hands back its hijacked connection: bytes typed go in, the TTY's output
    /// comes out, until the process ends (the engine then closes the connection).
    public func startExec(_ execID: String, timeout: Duration = .seconds(5)) async throws -> HijackedConnection {
        let version = try await apiVersion()
        let body = Array(#"{"Detach":false,"Tty":true}"#.utf8)
        let path = "/v\(version)/exec/\(QueryString.encode(execID))/start"
        let (fd, release) = try await transport.hijackable()
        // ssh first logs in and starts dial-stdio on the engine's host: its own connect timeout
        // (SSHAddress, 10 s) comes before the engine's answer.
        let limit: Duration
        if case .ssh = endpoint { limit = timeout + .seconds(10) } else { limit = timeout }
        do {
            return try HijackedConnection.open(fd: fd, release: release, endpoint: endpoint, path: path, body: body, timeout: limit)
        } catch DockerError.streamEnded(let operation) {
            throw await transport.explainHijack(DockerError.streamEnded(operation: operation))
        }
    }

    /// Tells the exec's TTY the terminal's size (after a SIGWINCH).
    public func resizeExec(_ execID: String, _ size: TerminalSize) async throws {
        let query = [("h", String(size.rows)), ("w", String(size.columns))]
        _ = try await call(.post, "/exec/\(QueryString.encode(execID))/resize", query: query, operation: "resize exec")
    }

    /// Whether the exec's process still runs, and its exit code once it ended.
    public func inspectExec(_ execID: String) async throws -> ExecState {
        struct Inspect: Decodable {
            let Running: Bool
            let ExitCode: Int?
        }
        let response = try await call(.get, "/exec/\(QueryString.encode(execID))/json", operation: "inspect exec")
        let inspect = try decode(Inspect.self, response, operation: "inspect exec")
        return ExecState(running: inspect.Running, exitCode: inspect.ExitCode)
    }

    /// Whether `path` exists in the container's filesystem, without starting anything in it:
    /// `HEAD /containers/{id}/archive?path=` answers 200 (with a stat header) or 404
    /// (ContainerArchiveInfo, https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Container/operation/ContainerArchiveInfo).
    public func fileExists(_ containerID: String, path: String) async throws -> Bool {
        let response = try await call(
            .head, "/containers/\(QueryString.encode(containerID))/archive", query: [("path", path)],
            operation: "look for \(path) in \(containerID)", accepting: [404])
        return response.status == 200
    }
}

/// What `GET /exec/{id}/json` says of the process.
public struct ExecState: Sendable, Equatable {
    public var running: Bool
    public var exitCode: Int?
}
