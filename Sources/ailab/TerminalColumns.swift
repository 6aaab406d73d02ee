#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal on stdout (80 when it is not one). Not `Terminal`: that is
/// Canvas's protocol for the console's screen.
enum TerminalColumns {
    static func current() -> Int {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
