import Canvas
import CNcursesw
import Glibc

/// Why the terminal could not be opened.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The one place that calls ncurses: presents screen buffers (only the changed cells),
/// decodes keys, tracks resizes, and always leaves the terminal as it found it.
public final class CursesTerminal: Terminal {
    public internal(set) var size: (width: Int, height: Int) = (0, 0)
    public let depth: ColorDepth
    /// True when the locale is UTF-8, so Unicode glyphs can be drawn.
    public let unicode: Bool
    private let theme: Theme
    private var screen: OpaquePointer?
    var previous: ScreenBuffer?
    private var pairs: [PairKey: Int16] = [:]
    private var running = false

    private struct PairKey: Hashable { let fg: Int16, bg: Int16 }

    /// Opens the terminal on stdin/stdout. An unknown TERM falls back to vt100 rather than failing.
    public init(theme: Theme, environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: ailab_codeset())
        unicode = codeset.uppercased().replacing("-", with: "") == "UTF8"
        if !unicode { setlocale(LC_CTYPE, "C.UTF-8") }  // wide-char calls need a UTF-8 ctype; glyphs stay ASCII
        self.theme = theme
        let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "vt100"
        _ = SignalPipe.install()  // before newterm, which switches the terminal to no echo
        screen = ailab_newterm(term) ?? ailab_newterm("vt100")
        guard screen != nil else { throw TerminalError(description: "cannot open the terminal (TERM=\(term))") }
        guard Self.capability("cup") != nil else {
            // A dumb terminal (TERM=dumb, an editor's shell buffer) cannot move the cursor: the
            // console would draw its first line and never change it.
            endwin()
            if let screen { delscreen(screen) }
            throw TerminalError(description: "TERM=\(term) cannot move the cursor, so the console cannot be drawn on it; use `ailab status` (or `ailab status --json`) for the lab's state")
        }
        Self.captureRestoreSequence()
        cbreak()
        noecho()
        nonl()
        keypad(ailab_stdscr(), true)
        nodelay(ailab_stdscr(), true)
        _ = curs_set(0)
        set_escdelay(25)
        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        depth = ColorDepth.detect(colors: Int(ailab_colors()), hasColors: hasColors, environment: environment)
        _ = mousemask(ailab_button1_clicked() | ailab_button4_pressed() | ailab_button5_pressed(), nil)
        mouseinterval(0)
        size = (Int(ailab_cols()), Int(ailab_lines()))
        running = true
    }

    deinit { stop() }

    /// Ends curses mode; safe to call twice.
    public func stop() {
        guard running else { return }
        running = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// Asks the kernel for the size (after SIGWINCH) and tells ncurses, which then queues KEY_RESIZE.
    public func refreshSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        if ailab_winsize(STDOUT_FILENO, &rows, &cols) == 0, rows > 0, cols > 0, rows != ailab_lines() || cols != ailab_cols() {
            resizeterm(rows, cols)
        }
        noteSize()
    }

    /// Takes the size ncurses now has; the next frame is drawn whole.
    func noteSize() {
        let now = (Int(ailab_cols()), Int(ailab_lines()))
        if now != size { previous = nil }
        size = now
    }

    public func present(_ buffer: ScreenBuffer) {
        guard running else { return }
        let changes = buffer.changes(since: previous)
        if previous == nil { erase() }
        previous = buffer
        guard !changes.isEmpty else { return }
        for (x, y) in changes {
            let cell = buffer[x, y]
            if cell.isContinuation { continue }
            draw(cell, x: x, y: y)
        }
        refresh()
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var paint = depth.adapt(theme.paint(cell.style.role))
        paint.emphasis.formUnion(cell.style.emphasis)
        var attributes = ailab_a_normal()
        if paint.emphasis.contains(.bold) { attributes |= ailab_a_bold() }
        if paint.emphasis.contains(.dim) { attributes |= ailab_a_dim() }
        if paint.emphasis.contains(.underline) { attributes |= ailab_a_underline() }
        // Reverse is for terminals without colour; with colours the paint's background says it.
        if paint.emphasis.contains(.reverse), depth == .monochrome || paint.background == .standard {
            attributes |= ailab_a_reverse()
        }
        let pair = depth == .monochrome ? 0 : pairNumber(paint)
        // Control characters never reach the terminal, whatever text a view was given.
        let scalars = cell.text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) }
        var wide = Array(scalars.prefix(5).map { wchar_t(bitPattern: $0.value) }) + [0]
        var character = cchar_t()
        setcchar(&character, &wide, attributes, pair, nil)
        mvadd_wch(Int32(y), Int32(x), &character)
    }

    private func pairNumber(_ paint: Paint) -> Int16 {
        func index(_ color: TerminalColor) -> Int16 {
            if case .indexed(let value) = color { return Int16(value) }
            return -1
        }
        let key = PairKey(fg: index(paint.foreground), bg: index(paint.background))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let known = pairs[key] { return known }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < ailab_color_pairs() else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs[key] = next
        return next
    }

    /// What endwin would send, from terminfo, kept for the fatal-signal handler: mouse reports
    /// off (where ncurses turned them on), keypad mode off, the alternate screen left, the cursor shown.
    private static func captureRestoreSequence() {
        var bytes: [UInt8] = Array("\u{1B}[0m".utf8)
        // ncurses enables xterm mouse modes where terminfo has kmous; these reset them.
        if capability("kmous") != nil { bytes += Array("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for name in ["rmkx", "rmcup", "cnorm"] {
            if let value = capability(name) { bytes += Array(value.utf8) }
        }
        SignalPipe.restoreSequence = bytes
    }

    /// A string capability of the current terminal, nil when it has none.
    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }
}
