import CNcursesw
import Glibc

/// Signals turned into bytes on a pipe, so the UI loop learns of them in the same `ppoll`
/// that waits for keys; and, on a fatal signal, the terminal put back before the process dies.
/// Handlers only call async-signal-safe functions (write, tcsetattr, signal, raise).
public enum SignalPipe {
    public static let interrupt: UInt8 = 0x69  // i: SIGINT, SIGTERM, SIGQUIT
    public static let hangup: UInt8 = 0x68  // h: SIGHUP
    public static let resize: UInt8 = 0x77  // w: SIGWINCH
    public static let wake: UInt8 = 0x2E  // .: the inbox has news

    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) public private(set) static var readFD: Int32 = -1
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveTermios = false
    /// A second pipe, read only by `ExitDeadline`'s thread: the number of a signal that asks
    /// the console to end, so it ends within a deadline even if the UI loop is busy.
    nonisolated(unsafe) static var terminationFDs: (read: Int32, write: Int32) = (-1, -1)
    /// Bytes that leave the alternate screen and show the cursor on this terminal.
    nonisolated(unsafe) static var restoreSequence: [UInt8] = []
    /// The signal that asked the loop to end, for the exit status (SIGQUIT: 131); 0 when none did.
    nonisolated(unsafe) public private(set) static var endingSignal: Int32 = 0

    /// Signals whose default ends the process and that no one sends to ask for a clean quit:
    /// the terminal is put back at once and the signal raised again, so the process still dies
    /// of it (and a shell reports it). SIGPROF is left to profilers, which install their own handler.
    static let fatalSignals: [Int32] =
        [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGXFSZ, SIGSTKFLT, SIGIO, SIGPWR]
        + Array(ailab_sigrtmin()...ailab_sigrtmax())

    /// Creates the pipe (non-blocking at both ends) and installs the handlers. Call it before
    /// curses touches the terminal: the settings saved here are the ones a fatal signal restores,
    /// and after `newterm` they would be curses' own (no echo, no canonical input).
    public static func install() -> Int32 {
        if readFD >= 0 { return readFD }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
            terminationFDs = (fds[0], fds[1])
        }
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveTermios = true }
        signal(SIGINT, onInterrupt)
        signal(SIGTERM, onInterrupt)
        signal(SIGQUIT, onQuit)  // Ctrl-\ is one keystroke: a clean quit, not a core dump in raw mode
        signal(SIGHUP, onHangup)
        signal(SIGWINCH, onResize)
        signal(SIGPIPE, SIG_IGN)
        for fatal in fatalSignals { signal(fatal, onFatal) }
        return readFD
    }

    /// Wakes the loop from another thread.
    public static func post(_ byte: UInt8) {
        var value = byte
        _ = write(writeFD, &value, 1)
    }

    /// Tells `ExitDeadline` (async-signal-safe: one write).
    static func noteTermination(_ signalNumber: Int32) {
        var value = UInt8(truncatingIfNeeded: signalNumber)
        _ = write(terminationFDs.write, &value, 1)
    }

    /// Reads every pending byte.
    public static func drain() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readFD, &buffer, buffer.count)
            if count <= 0 { break }
            result += buffer[0..<count]
        }
        return result
    }

    /// Notes which signal ended the loop (for the exit status) and wakes it to quit.
    static func quit(_ signalNumber: Int32) {
        endingSignal = signalNumber
        post(interrupt)
    }

    /// Puts the terminal back as it was (used on fatal signals, where endwin is not safe).
    static func restoreTerminal() {
        if !restoreSequence.isEmpty { _ = restoreSequence.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) } }
        if haveTermios { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
    }
}

private func onInterrupt(_ signalNumber: Int32) {
    SignalPipe.post(SignalPipe.interrupt)
    SignalPipe.noteTermination(signalNumber)
}

private func onQuit(_ signalNumber: Int32) {
    SignalPipe.quit(signalNumber)
    SignalPipe.noteTermination(signalNumber)
}

private func onHangup(_ signalNumber: Int32) {
    SignalPipe.post(SignalPipe.hangup)
    SignalPipe.noteTermination(signalNumber)
}
private func onResize(_: Int32) { SignalPipe.post(SignalPipe.resize) }

private func onFatal(_ signalNumber: Int32) {
    SignalPipe.restoreTerminal()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
