#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 address of this machine that is not loopback (eth0's, a bridge's), for a listener that
/// stands for another engine's host: bound there alone, it does not answer on 127.0.0.1, so a
/// check that reaches it went to the address it was meant to (issue 16). nil on a machine
/// with loopback only.
public func nonLoopbackIPv4() -> String? {
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0 else { return nil }
    defer { freeifaddrs(list) }
    var next = list
    while let entry = next {
        defer { next = entry.pointee.ifa_next }
        guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
        var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &ipv4, &text, socklen_t(text.count)) != nil else { continue }
        let ip = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if !ip.hasPrefix("127.") { return ip }
    }
    return nil
}
