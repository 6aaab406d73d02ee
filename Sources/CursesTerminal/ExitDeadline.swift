#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import Glibc

/// Ends the process a short while after SIGTERM, SIGHUP or SIGINT if the UI loop has not: the
/// loop handles those signals itself (restoring the terminal and exiting 0), but a loop busy
/// with a huge frame or a flood must not outlive its terminal as an orphan (issue 11, item 6:
/// one lived on at 80% CPU, ignoring SIGTERM). A thread of its own blocks on a pipe only the
/// signal handlers write, so it costs nothing until then.
public enum ExitDeadline {
    /// Starts the watching thread; call after `SignalPipe.install()`.
    public static func arm(within limit: Duration = .milliseconds(800)) {
        let fd = SignalPipe.terminationFDs.read
        guard fd >= 0 else { return }
        let microseconds = UInt32(limit.components.seconds * 1_000_000 + limit.components.attoseconds / 1_000_000_000_000)
        DetachedThread.start {
            var signalNumber: UInt8 = 0
            while read(fd, &signalNumber, 1) != 1 {
                if errno != EINTR { return }
            }
            usleep(microseconds)
            // Still here: the loop is stuck. Put the terminal back and go, as the signal would
            // have ended a process that did not handle it (128 + its number).
            SignalPipe.restoreTerminal()
            _exit(128 + Int32(signalNumber))
        }
    }
}
