/// A login-less interactive shell in a container, through the exec API (no process starts on
/// this host: the engine runs the program inside the container).
extension DockerClient {
    /// The shells tried, best first: bash where the image has it, else the POSIX shell every
    /// busybox or Debian-based image has. NoShellTests allows these paths in this file only.
    public static let shellCandidates = ["/bin/bash", "/bin/sh"]

    /// The first of `shellCandidates` the container has, or nil when it has none.
    public func pickShell(_ containerID: String) async throws -> String? {
        for candidate in Self.shellCandidates where try await fileExists(containerID, path: candidate) {
            return candidate
        }
        return nil
    }

    /// Picks a shell, creates its exec with a TTY of `size` and starts it: the open session,
    /// or `ShellError.noShell` when the image has no shell.
    public func openShell(_ containerID: String, term: String, size: TerminalSize?) async throws -> ShellSession {
        guard let shell = try await pickShell(containerID) else { throw ShellError.noShell(tried: Self.shellCandidates) }
        let execID = try await createExec(containerID, command: [shell], environment: ["TERM=\(term)"], size: size)
        let connection = try await startExec(execID)
        // Engines before API 1.42 ignore ConsoleSize: size the TTY now that the process runs.
        if let size { try? await resizeExec(execID, size) }
        return ShellSession(execID: execID, shell: shell, connection: connection)
    }
}

/// A shell running in a container: its exec id (for resize and the exit code), which program
/// it is, and the connection carrying its TTY.
public struct ShellSession: Sendable {
    public let execID: String
    public let shell: String
    public let connection: HijackedConnection
}

public enum ShellError: Error, CustomStringConvertible {
    case noShell(tried: [String])

    public var description: String {
        switch self {
        case .noShell(let tried): return "its image has no shell (looked for \(tried.joined(separator: " and ")))"
        }
    }
}
