import Foundation
import Synchronization

/// A fake engine whose every log follow is a flood: frames of `line` written as fast as the
/// socket takes them, until the client goes. `written` counts the bytes the socket took, so a
/// test sees whether a slow reader held the writer back (flow control) or not.
final class FloodEngine: Sendable {
    let path = "/tmp/ailab-flood-\(UUID().uuidString.prefix(8)).sock"
    private let fd: Int32
    private let count = Mutex(0)

    var written: Int { count.withLock { $0 } }

    init() throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        let listener = fd
        Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread { [self] in handle(client) }.start()
            }
        }.start()
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        if FakeEngine.requestLine(client).contains("/_ping") {
            _ = send(client, Array("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK".utf8))
            return
        }
        guard send(client, Array("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)) else { return }
        // One chunk of 64 KiB: stdout frames of a 100-byte line each.
        let line = Array("2026-11-24T20:41:07.123456789Z \(String(repeating: "x", count: 68))\n".utf8)
        let frame = [1, 0, 0, 0, 0, 0, 0, UInt8(line.count)] + line
        let payload = Array([[UInt8]](repeating: frame, count: 65_536 / frame.count).joined())
        let chunk = Array(String(payload.count, radix: 16).utf8) + [13, 10] + payload + [13, 10]
        while send(client, chunk) {}
    }

    /// Blocks while the socket's buffer is full: that wait is the client's flow control.
    private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
            count.withLock { $0 += sent }
        }
        return true
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        unlink(path)
    }
}
