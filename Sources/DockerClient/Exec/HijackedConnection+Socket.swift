#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Opening a plain socket (unix://, tcp:// without TLS) and reading the upgrade answer's head.
extension HijackedConnection {
    static func connectSocket(_ endpoint: DockerEndpoint) throws -> Int32 {
        switch endpoint {
        case .unix(let path):
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw failure(endpoint, "socket: errno \(errno)") }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
                Glibc.close(fd)
                throw failure(endpoint, "the socket path is too long")
            }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in bytes.enumerated() { raw[index] = byte }
            }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard result == 0 else {
                let reason = String(cString: strerror(errno))
                Glibc.close(fd)
                throw failure(endpoint, reason)
            }
            return fd
        case .ssh:
            throw failure(endpoint, "not a socket address (an ssh:// engine is dialled by `hijackable`)")
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw failure(endpoint, "cannot resolve \(host)") }
            defer { freeaddrinfo(list) }
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let info = entry {
                let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                if fd >= 0, connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                if fd >= 0 { Glibc.close(fd) }
                entry = info.pointee.ai_next
            }
            throw failure(endpoint, String(cString: strerror(errno)))
        }
    }

    static func failure(_ endpoint: DockerEndpoint, _ reason: String) -> DockerError {
        .unreachable(endpoint: endpoint.description, reason: reason)
    }

    /// Reads up to the blank line that ends the answer's head: its status, the bytes after the
    /// head, and the status line (for an error without a body). The caller owns and closes `fd`.
    static func readHead(_ fd: Int32, endpoint: DockerEndpoint, timeout: Duration) throws -> (Int, [UInt8], String) {
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let range = received.firstRange(of: end) {
                let head = String(decoding: received[..<range.lowerBound], as: UTF8.self)
                let statusLine = head.split(separator: "\r\n").first.map(String.init) ?? ""
                let parts = statusLine.split(separator: " ")
                guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
                    throw DockerError.badResponse(operation: "exec start", detail: "not an HTTP answer: \(statusLine.prefix(80))")
                }
                return (status, Array(received[range.upperBound...]), statusLine)
            }
            let left = deadline - ContinuousClock.now
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard left > .zero, received.count <= 65_535, poll(&poller, 1, max(1, milliseconds)) == 1 else {
                throw DockerError.timeout(operation: "exec start", seconds: Double(timeout.components.seconds))
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw DockerError.streamEnded(operation: "exec start")
            }
            received += buffer[0..<count]
        }
    }
}
