import CNcursesw
import Glibc

/// Lending the terminal to another program's TTY (a shell in a container) and taking it back.
extension CursesTerminal {
    /// Leaves curses mode (the screen as the person had it before the console), puts the tty
    /// in raw mode so every key, Ctrl-C and Ctrl-\ included, reaches `body` as bytes rather than
    /// as signals to ailab, runs `body`, then restores the tty, takes the terminal again and
    /// draws the console's next frame whole.
    public func handOver<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        var cooked = termios()
        let haveCooked = tcgetattr(STDIN_FILENO, &cooked) == 0
        if haveCooked {
            var raw = cooked
            cfmakeraw(&raw)
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        defer {
            if haveCooked { _ = tcsetattr(STDIN_FILENO, TCSANOW, &cooked) }
            reset_prog_mode()
            // The shell may have changed anything on the screen, and the size: everything is redrawn.
            previous = nil
            clearok(ailab_stdscr(), true)
            _ = mousemask(ailab_button1_clicked() | ailab_button4_pressed() | ailab_button5_pressed(), nil)
            refreshSize()
            refresh()
        }
        return try body()
    }

    /// The terminal's size as the kernel has it now (after a SIGWINCH while handed over).
    public static func windowSize() -> (width: Int, height: Int)? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard ailab_winsize(STDOUT_FILENO, &rows, &cols) == 0, rows > 0, cols > 0 else { return nil }
        return (Int(cols), Int(rows))
    }
}
