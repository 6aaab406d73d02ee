import Foundation
import Synchronization

/// A fault-injecting fake engine on a unix socket: for each request it plays a script of raw
/// bytes and pauses, then closes. It stands beside the real dockerd in the tests, for the
/// answers a real engine will not give on demand: truncated, malformed, huge, slow, cut off.
final class FakeEngine: @unchecked Sendable {
    enum Step {
        case send(String)
        case bytes([UInt8])
        case pause(Double)
    }

    let path: String
    private let fd: Int32
    private let script: (String) -> [Step]

    /// `script` gets the request line ("GET /v1.41/containers/json?all=1 HTTP/1.1"); `path`
    /// lets a second fake take over a stopped one's socket, as a restarted engine would.
    init(path: String? = nil, _ script: @escaping (String) -> [Step]) throws {
        self.path = path ?? "/tmp/ailab-fake-\(UUID().uuidString.prefix(8)).sock"
        self.script = script
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in self.path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request gets the same answer, except `/_ping`, which answers like dockerd 20.10.
    convenience init(answer: [Step]) throws {
        try self.init { line in line.contains("/_ping") ? FakeEngine.ping : answer }
    }

    static let ping: [Step] = [.send("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK")]

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in handle(client) }.start()
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        let line = Self.requestLine(client)
        for step in script(line) {
            switch step {
            case .send(let text): guard send(client, Array(text.utf8)) else { return }
            case .bytes(let bytes): guard send(client, bytes) else { return }
            case .pause(let seconds): usleep(UInt32(seconds * 1_000_000))
            }
        }
    }

    /// Reads a request's head and gives its first line.
    static func requestLine(_ client: Int32) -> String {
        var request: [UInt8] = []
        var byte: UInt8 = 0
        while read(client, &byte, 1) == 1 {
            request.append(byte)
            if request.suffix(4) == Array("\r\n\r\n".utf8) { break }
        }
        return String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private let stopped = Mutex(false)

    /// Idempotent: a second close could hit a descriptor number already reused elsewhere.
    func stop() {
        guard stopped.withLock({ was in defer { was = true }; return !was }) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        unlink(path)
    }
}
