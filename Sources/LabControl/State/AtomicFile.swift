import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that a kill -9 at any moment leaves either the old content or the new,
/// never half of one: a temporary file, fsynced, renamed over the old, and the directory fsynced.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws(StateError) {
        let temporary = try writeTemporary(data, beside: path, mode: mode)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("replace \(path)")
        }
        syncDirectory(of: path)
    }

    /// Creates `path` whole with `data` unless it exists: false (and nothing written) when it
    /// does. Two processes racing to create it agree on one content: link(2) publishes the
    /// finished temporary file and refuses when the name is taken, where rename would replace.
    public static func create(_ data: Data, at path: String, mode: mode_t = 0o600) throws(StateError) -> Bool {
        let temporary = try writeTemporary(data, beside: path, mode: mode)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw failure("create \(path)")
        }
        syncDirectory(of: path)
        return true
    }

    /// `data` in `<path>.tmp-<pid>-<random>` (two threads never share one), fsynced; its name.
    private static func writeTemporary(_ data: Data, beside path: String, mode: mode_t) throws(StateError) -> String {
        let temporary = "\(path).tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("create \(temporary)") }
        fchmod(fd, mode)  // the umask must not widen or narrow what we asked for
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced else {
            unlink(temporary)
            throw failure("write \(temporary)")
        }
        return temporary
    }

    /// Makes a rename or link in the directory itself survive a crash.
    private static func syncDirectory(of path: String) {
        let directory = Path.parent(path)
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Creates `directory` (and parents) and makes it private to the user.
    public static func prepareDirectory(_ directory: String) throws(StateError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StateError(description: "cannot create \(directory): \(reason(error))")
        }
        chmod(directory, 0o700)
    }

    /// FileManager's error in the system's words ("/a: Permission denied"): FoundationEssentials'
    /// CocoaError carries the errno, and has no `localizedDescription` (that is full Foundation).
    static func reason(_ error: any Error) -> String {
        guard let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError else { return String(describing: error) }
        return (cocoa.filePath.map { "\($0): " } ?? "") + String(cString: strerror(posix.code.rawValue))
    }

    static func failure(_ what: String) -> StateError {
        StateError(description: "cannot \(what): \(String(cString: strerror(errno)))")
    }
}
