/// One terminal cell: a grapheme and its style. A wide character's second column holds an
/// empty `text` (a continuation), so every row is exactly `width` cells.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory screen that views draw into; the terminal presents it, tests read it as text.
/// Every write is clipped: nothing drawn outside the buffer (or into a 0x0 one) can trap.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { x >= 0 && y >= 0 && x < width && y < height ? cells[y * width + x] : .blank }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default) and to
    /// `maxWidth` columns. Returns the columns used. A wide character that would straddle the
    /// edge becomes a space, so the grid never goes out of step.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        let limit = min(area.maxX, width, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                if column > x, column - 1 >= max(area.x, 0) { appendCombining(character, x: column - 1, y: y) }
                continue
            }
            if column + characterWidth > limit {
                if column < limit, column >= max(area.x, 0) { self[column, y] = Cell(" ", style) }
                return max(0, limit - x)
            }
            if column >= max(area.x, 0) {
                clearWide(at: column, y: y)
                self[column, y] = Cell(String(character), style)
                if characterWidth == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell("", style)
                }
            } else if characterWidth == 2, column + 1 >= max(area.x, 0) {
                self[column + 1, y] = Cell(" ", style)  // the right half of a cut-off wide character
            }
            column += characterWidth
        }
        return column - x
    }

    /// Overwriting half of a wide character leaves the other half as a space.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", self[x - 1, y].style) }
        if !cell.isContinuation, DisplayWidth.of(cell.text) == 2, x + 1 < width { self[x + 1, y] = Cell(" ", cell.style) }
    }

    private mutating func appendCombining(_ character: Character, x: Int, y: Int) {
        var target = x
        if self[target, y].isContinuation { target -= 1 }
        guard target >= 0 else { return }
        self[target, y].text.append(character)
    }

    /// Paints `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = Rect(x: max(rect.x, 0), y: max(rect.y, 0), width: min(rect.maxX, width) - max(rect.x, 0), height: min(rect.maxY, height) - max(rect.y, 0))
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { self[column, row] = Cell(" ", style) }
        }
    }

    /// Restyles the cells of `rect` (keeping their text): a selection bar.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for row in max(rect.y, 0)..<max(max(rect.y, 0), min(rect.maxY, height)) {
            for column in max(rect.x, 0)..<max(max(rect.x, 0), min(rect.maxX, width)) {
                cells[row * width + column].style = transform(cells[row * width + column].style)
            }
        }
    }

    /// The screen as plain lines, trailing spaces kept: what a snapshot stores.
    public var lines: [String] {
        (0..<height).map { row in cells[(row * width)..<(row * width + width)].map(\.text).joined() }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// Positions whose cell differs from `previous` (all of them after a size change).
    public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).flatMap { y in (0..<width).map { (x: $0, y: y) } }
        }
        var result: [(x: Int, y: Int)] = []
        for index in cells.indices where cells[index] != previous.cells[index] {
            result.append((index % width, index / width))
        }
        return result
    }
}
