import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who listens on a host port, read from /proc: the kernel's socket tables give the socket's
/// inode, and a process's fd links (`socket:[inode]`) name the process when we may read them.
public enum HostPortHolders {
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int?
        public var command: String?
        public var description: String {
            guard let pid else { return "a host process listens on it" }
            return "a host process listens on it (\(command ?? "?"), pid \(pid))"
        }
    }

    /// The listener on `port`/`proto` on any address, or nil when the port is free.
    public static func holder(port: Int, proto: String, procRoot: String = "/proc") -> Holder? {
        let tables = proto == "udp" ? ["udp", "udp6"] : ["tcp", "tcp6"]
        // TCP sockets count when listening (0A); UDP ones when bound and unconnected (07).
        let wanted = proto == "udp" ? "07" : "0A"
        for table in tables {
            guard let text = try? String(contentsOfFile: "\(procRoot)/net/\(table)", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 9, fields[3] == wanted,
                    let colon = fields[1].lastIndex(of: ":"), Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port
                else { continue }
                return owner(inode: String(fields[9]), procRoot: procRoot)
            }
        }
        return nil
    }

    private static func owner(inode: String, procRoot: String) -> Holder {
        let target = "socket:[\(inode)]"
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: procRoot))?.compactMap(Int.init) ?? []
        for pid in pids {
            let fdDirectory = "\(procRoot)/\(pid)/fd"
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: fdDirectory) else { continue }
            for fd in fds where (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(fd)")) == target {
                let command = (try? String(contentsOfFile: "\(procRoot)/\(pid)/comm", encoding: .utf8))?.trimmed()
                return Holder(pid: pid, command: command)
            }
        }
        return Holder(pid: nil, command: nil)
    }
}
