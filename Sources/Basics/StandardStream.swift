#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error without FileHandle (full Foundation, issue 17):
/// the whole text, through short writes and EINTR, and never a crash on a closed pipe (the
/// caller of `ailab status | head` has gone: SIGPIPE is ignored by the executable, EPIPE ends the write).
public enum StandardStream {
    case output, error

    var descriptor: Int32 { self == .output ? 1 : 2 }

    public func write(_ text: String) { write(Array(text.utf8)) }

    public func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
