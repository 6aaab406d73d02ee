import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Why the state file could not be used.
public struct StateError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// The state file under `$XDG_STATE_HOME/ailab` (0700; the file 0600). Every change is made
/// under an exclusive lock, re-reading the file first, so two consoles never clobber each
/// other; writes go to a temporary file that is fsynced and renamed over the old one, so a
/// kill -9 at any moment leaves either the old state or the new, never half of one.
public struct StateStore: Sendable {
    public let directory: String
    public var path: String { directory + "/state.json" }
    private var lockPath: String { directory + "/state.lock" }

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/ailab`, or `~/.local/state/ailab`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/ailab" }
        return Path.home(environment) + "/.local/state/ailab"
    }

    /// Reads the state; a missing file is an empty state. A corrupt one is moved aside (kept,
    /// never deleted) and reported through `warning`, and the state starts afresh.
    public func read(warning: (String) -> Void = { _ in }) throws(StateError) -> LabState {
        try prepareDirectory()
        return try withLock { () throws(StateError) -> LabState in try load(warning: warning) }
    }

    /// Applies `change` to the freshest state under the lock and writes it atomically.
    @discardableResult
    public func update(warning: (String) -> Void = { _ in }, _ change: (inout LabState) -> Void) throws(StateError) -> LabState {
        try prepareDirectory()
        return try withLock { () throws(StateError) -> LabState in
            var state = try load(warning: warning)
            change(&state)
            try save(state)
            return state
        }
    }

    private func load(warning: (String) -> Void) throws(StateError) -> LabState {
        guard let data = FileManager.default.contents(atPath: path) else { return LabState() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // The version first, alone: a newer ailab may have changed any other field, and its
        // file is not corrupt, just not ours to read or write.
        struct Version: Decodable { var schemaVersion: Int }
        if let version = try? decoder.decode(Version.self, from: data).schemaVersion, version > LabState.currentVersion {
            throw StateError(description: "\(path) was written by a newer ailab (state schema \(version); this one knows \(LabState.currentVersion)): left as it is, and nothing is written to it; use that ailab, or move the file away to start afresh")
        }
        do {
            return try decoder.decode(LabState.self, from: data)
        } catch {
            let kept = path + ".corrupt-" + Self.stamp()
            guard rename(path, kept) == 0 else { throw StateError(description: "\(path) is corrupt and could not be moved aside: \(String(cString: strerror(errno)))") }
            warning("the state file \(path) was unreadable (\(Self.reason(error))); kept it as \(kept) and started afresh")
            return LabState()
        }
    }

    private func save(_ state: LabState) throws(StateError) {
        removeStaleTemporaries()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(state) else { throw StateError(description: "could not encode the state") }
        try AtomicFile.write(data, to: path)
    }

    /// Temporary files a writer killed mid-write left behind (`state.json.tmp-<pid>`). Every
    /// writer holds the lock, and so do we: any that is there now is no one's work in progress.
    private func removeStaleTemporaries() {
        let prefix = Path.lastComponent(path) + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
            unlink(directory + "/" + name)
        }
    }

    private func withLock<T>(_ body: () throws(StateError) -> T) throws(StateError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("open \(lockPath)") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock \(lockPath)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func prepareDirectory() throws(StateError) { try AtomicFile.prepareDirectory(directory) }

    private func failure(_ what: String) -> StateError { AtomicFile.failure(what) }

    /// Local time, as DateFormatter's "yyyyMMdd'T'HHmmss" wrote it before (issue 17).
    private static func stamp() -> String {
        DateText.local(Date(), "%Y%m%dT%H%M%S") + "-\(getpid())"
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted = error { return "not JSON" }
        return "not a state file"
    }
}
