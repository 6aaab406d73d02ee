#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which container a host process runs in, from `/proc/<pid>/cgroup`: the engine puts each
/// container in a cgroup named after its id, `/docker/<id>` with the cgroupfs driver and
/// `/system.slice/docker-<id>.scope` with systemd's (Docker docs, "Runtime metrics": control
/// groups), under cgroup v1 or v2 alike.
public enum CgroupContainer {
    public static func id(ofPID pid: Int32, procRoot: String = "/proc") -> String? {
        guard pid > 0, let text = try? String(contentsOfFile: "\(procRoot)/\(pid)/cgroup", encoding: .utf8) else { return nil }
        return id(inCgroup: text)
    }

    /// The 64-hex-digit id in the first cgroup line that names a docker container.
    public static func id(inCgroup text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let path = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).last else { continue }
            for part in path.split(separator: "/").reversed() {
                var name = Substring(part)
                if name.hasPrefix("docker-") { name = name.dropFirst(7) }
                if name.hasSuffix(".scope") { name = name.dropLast(6) }
                if name.count == 64, name.allSatisfy(\.isHexDigit) { return String(name) }
            }
        }
        return nil
    }
}
