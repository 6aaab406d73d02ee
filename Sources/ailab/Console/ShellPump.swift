import CursesTerminal
import DockerClient

#if canImport(Glibc)
import Glibc
#endif

/// Bytes between the person's terminal (stdin, stdout: a local tty or an SSH session's, nothing
/// more assumed) and a shell's TTY in a container, until the shell ends. Waits in `poll` on the
/// terminal, the connection and the signal pipe; a SIGWINCH becomes a resize of the exec's TTY.
struct ShellPump {
    enum Ending: Equatable {
        /// The shell ended: the engine closed the connection.
        case exited
        /// stdin ended or hung up: the console ends too.
        case terminalGone
        /// SIGTERM, SIGHUP (or SIGINT from outside): its byte is back on the pipe for the loop.
        case signal
    }

    let session: ShellSession
    let client: DockerClient

    func run() -> Ending {
        let connection = session.connection
        var fds = [STDIN_FILENO, connection.fd, SignalPipe.readFD].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        if !connection.early.isEmpty { Self.writeOut(connection.read()) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            for index in fds.indices { fds[index].revents = 0 }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                return .terminalGone
            }
            if fds[1].revents != 0 {
                let bytes = connection.read()
                if bytes.isEmpty { return .exited }
                Self.writeOut(bytes)
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return .terminalGone }
                if !connection.writeAll(Array(buffer[0..<count])) { return .exited }
            } else if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .terminalGone
            }
            if fds[2].revents != 0, let ending = signals() { return ending }
        }
    }

    /// Resizes follow the terminal; a request to end is left on the pipe for the run loop.
    private func signals() -> Ending? {
        for byte in SignalPipe.drain() {
            switch byte {
            case SignalPipe.interrupt, SignalPipe.hangup:
                SignalPipe.post(byte)
                return .signal
            case SignalPipe.resize:
                guard let size = CursesTerminal.windowSize() else { continue }
                let (client, execID) = (client, session.execID)
                Task.detached { try? await client.resizeExec(execID, TerminalSize(rows: size.height, columns: size.width)) }
            default:
                break  // the inbox's wake: the loop is woken again when the shell ends
            }
        }
        return nil
    }

    static func writeOut(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
