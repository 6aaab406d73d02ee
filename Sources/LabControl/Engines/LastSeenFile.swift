import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where each service was last seen running, kept between runs in the state directory
/// (`engines-seen.json`), so an engine that is down when `ailab status` starts still takes its
/// own services to unknown, not to "not installed" on the default engine.
public struct LastSeenFile: Sendable {
    public let path: String

    public init(stateDirectory: String) { path = stateDirectory + "/engines-seen.json" }

    /// Service → engine name; empty when the file is absent or unreadable (it is only a hint).
    public func read() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }

    /// Writes `seen` when it differs from what is there; a failure is logged, never fatal.
    public func write(_ seen: [String: String]) {
        guard seen != read() else { return }
        do {
            try AtomicFile.prepareDirectory(Path.parent(path))
            try AtomicFile.write(try JSONEncoder().encode(seen), to: path)
        } catch {
            LabLog.warning("engines", "could not keep where services were seen (\(path)): \(error)")
        }
    }
}
