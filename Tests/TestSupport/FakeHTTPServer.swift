import Foundation

/// An HTTP/1.1 server on 127.0.0.1 answering each request from `answer(path, headers)`, one
/// connection per request (as the lab's probes make them); it records what it was sent, so a
/// test can see the credentials a check presented.
public final class FakeHTTPServer: @unchecked Sendable {
    public typealias Answer = @Sendable (_ path: String, _ headers: [String: String]) -> (status: Int, body: String)
    /// For an API that tells calls apart by method and reads their body (a fake Vault).
    public typealias FullAnswer = @Sendable (_ method: String, _ path: String, _ headers: [String: String], _ body: String) -> (status: Int, body: String)

    public let port: Int
    private let fd: Int32
    private let answer: FullAnswer
    private let lock = NSLock()
    private var seen: [(path: String, headers: [String: String])] = []

    /// `address`: the IPv4 address it listens on alone (another engine's host, issue 16).
    public convenience init(address: String = "127.0.0.1", _ answer: @escaping Answer) throws {
        try self.init(address: address, full: { _, path, headers, _ in answer(path, headers) })
    }

    public init(address listenOn: String = "127.0.0.1", full answer: @escaping FullAnswer) throws {
        self.answer = answer
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(listenOn)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request so far: path and headers (names lowercased).
    public var requests: [(path: String, headers: [String: String])] { lock.withLock { seen } }

    public func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.isEmpty ? !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") : true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let lines = String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")
        let method = lines.first?.split(separator: " ").first.map(String.init) ?? "GET"
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard !line.isEmpty else { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // The body: what follows the head, read up to its Content-Length.
        let headEnd = received.indices.first { received[$0...].starts(with: Array("\r\n\r\n".utf8)) }.map { $0 + 4 } ?? received.count
        while received.count - headEnd < Int(headers["content-length"] ?? "0") ?? 0 {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let requestBody = String(decoding: received[headEnd...], as: UTF8.self)
        lock.withLock { seen.append((path, headers)) }
        let (status, body) = answer(method, path, headers, requestBody)
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let out = Array(head.utf8) + bytes
        _ = out.withUnsafeBytes { write(client, $0.baseAddress, out.count) }
    }
}
