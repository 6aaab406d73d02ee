/// A key as the console understands it, whatever the terminal sent.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}

/// Everything a person (or the terminal) can do to the console.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A click (button 1) at a cell.
    case click(x: Int, y: Int)
    case scroll(up: Bool)
}

/// Where frames go and keys come from; `CursesTerminal` is one, tests use a buffer.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`, writing only the cells that differ from the last frame.
    func present(_ buffer: ScreenBuffer)
    /// Everything the person typed since the last call, without waiting.
    func readInput() -> [InputEvent]
}
