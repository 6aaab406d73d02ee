#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// A connection the engine has turned from HTTP into a raw byte stream (`101 UPGRADED`):
/// what is written reaches the exec's TTY, what is read is its output.
///
/// Plain blocking POSIX I/O rather than NIO: its one user (the console's shell) waits in `poll`
/// on this descriptor beside the terminal's, on the UI thread, which has nothing else to do
/// while a shell runs. Over TLS and ssh the descriptor is a socketpair's end (`hijackable`). Engine API, "Hijacking" under ContainerAttach:
/// https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Container/operation/ContainerAttach
public final class HijackedConnection: @unchecked Sendable {
    /// The socket, for `poll`; -1 once closed.
    public private(set) var fd: Int32
    /// Output that arrived with the answer's head, read before anything from `fd`.
    public private(set) var early: [UInt8]

    /// Ends what carries the socket once it is closed: ssh, or the TLS relay (`hijackable`).
    private let release: (@Sendable () -> Void)?

    init(fd: Int32, early: [UInt8], release: (@Sendable () -> Void)? = nil) {
        self.fd = fd
        self.early = early
        self.release = release
    }

    deinit { close() }

    /// Sends the upgrade request on the connected `fd` and reads the answer's head within `timeout`.
    static func open(
        fd: Int32, release: (@Sendable () -> Void)?, endpoint: DockerEndpoint, path: String, body: [UInt8], timeout: Duration
    ) throws -> HijackedConnection {
        var head = "POST \(path) HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
        let connection = HijackedConnection(fd: fd, early: [], release: release)
        guard connection.writeAll(Array(head.utf8) + body) else {
            throw DockerError.unreachable(endpoint: endpoint.description, reason: "the engine closed the connection of exec start")
        }
        let (status, rest, headText) = try readHead(fd, endpoint: endpoint, timeout: timeout)
        // 101 is the documented answer; engines before the upgrade handshake answered 200 and
        // then streamed the same way. Anything else carries the engine's error in its body.
        guard status == 101 || status == 200 else {
            let message = DockerClient.engineMessage(rest)
            throw status == 404 ? DockerError.notFound(message) : status == 409 ? DockerError.conflict(message)
                : DockerError.engine(status: status, message: message.isEmpty ? headText : message)
        }
        connection.early = rest
        return connection
    }

    /// Reads what is there (after `poll` said so): the bytes, or empty at the end of the stream.
    public func read() -> [UInt8] {
        if !early.isEmpty {
            defer { early = [] }
            return early
        }
        guard fd >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Array(buffer[0..<count]) : []
        }
    }

    /// Writes every byte (blocking); false when the engine has closed its end.
    @discardableResult
    public func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count, fd >= 0 {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return offset == bytes.count
    }

    public func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
        release?()
    }
}
