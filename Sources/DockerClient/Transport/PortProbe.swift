#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Is anything listening on a port? A TCP connect, given up on fast, to 127.0.0.1 or to the host
/// of the engine that publishes the port (issue 16: `PortAddress` decides which). Here, beside
/// the engine transport, because only DockerClient opens sockets.
public enum PortProbe {
    /// A port at a host (an IP address or a name), as one listening check asks it.
    public struct Target: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int) { (self.host, self.port) = (host, port) }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    public static func listening(_ targets: [Target], timeoutMilliseconds: Int32 = 250) async -> [Target: Bool] {
        await withTaskGroup(of: (Target, Bool).self) { group in
            for target in targets { group.addTask { (target, connects(host: target.host, target.port, timeoutMilliseconds)) } }
            var result: [Target: Bool] = [:]
            for await (target, open) in group { result[target] = open }
            return result
        }
    }

    public static func connects(_ port: Int, _ timeout: Int32) -> Bool { connects(host: "127.0.0.1", port, timeout) }

    /// `host` is resolved by getaddrinfo (an IPv4 or IPv6 literal, or a name); the first address is tried.
    public static func connects(host: String, _ port: Int, _ timeout: Int32) -> Bool {
        guard (1...65535).contains(port) else { return false }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else { return false }
        defer { freeaddrinfo(found) }
        let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, timeout) == 1 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0
    }
}
