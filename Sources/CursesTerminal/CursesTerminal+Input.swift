import Canvas
import CNcursesw
import Glibc

extension CursesTerminal {
    /// The keys and mouse reports waiting in ncurses' queue, decoded; never blocks. At most
    /// `limit` per call, so a flood of keys cannot starve drawing.
    public func readInput() -> [InputEvent] { readInput(limit: 512) }

    func readInput(limit: Int) -> [InputEvent] {
        var events: [InputEvent] = []
        var value: wint_t = 0
        while events.count < limit {
            let result = get_wch(&value)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if let event = functionKey(Int32(value)) { events.append(event) }
            } else if let event = character(UInt32(value)) {
                events.append(event)
            }
        }
        return events
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE:
            // ncurses has resized already (resizeterm queues this key): calling resizeterm again
            // would queue another, forever.
            noteSize()
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            if mouse.bstate & ailab_button4_pressed() != 0 { return .scroll(up: true) }
            if ailab_button5_pressed() != 0, mouse.bstate & ailab_button5_pressed() != 0 { return .scroll(up: false) }
            if mouse.bstate & ailab_button1_clicked() != 0 { return .click(x: Int(mouse.x), y: Int(mouse.y)) }
            return nil
        case KEY_F0...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .key(.char(Character(scalar)))
        }
    }
}
