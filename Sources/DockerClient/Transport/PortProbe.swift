#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Is anything listening on a host port? A TCP connect to 127.0.0.1, given up on fast. Here,
/// beside the engine transport, because only DockerClient opens sockets.
public enum PortProbe {
    public static func listening(_ ports: [Int], timeoutMilliseconds: Int32 = 250) async -> [Int: Bool] {
        await withTaskGroup(of: (Int, Bool).self) { group in
            for port in ports { group.addTask { (port, connects(port, timeoutMilliseconds)) } }
            var result: [Int: Bool] = [:]
            for await (port, open) in group { result[port] = open }
            return result
        }
    }

    public static func connects(_ port: Int, _ timeout: Int32) -> Bool {
        guard (1...65535).contains(port) else { return false }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let started = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if started == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, timeout) == 1 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0
    }
}
