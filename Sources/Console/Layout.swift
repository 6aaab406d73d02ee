import Canvas

/// Where each part of the console goes for a terminal size; views draw into these rects and
/// the reducer hit-tests clicks against the same ones.
public struct Layout: Sendable, Equatable {
    public var header: Rect
    public var tabs: Rect
    public var body: Rect
    /// The selected service's summary (two lines), and the phase progress line.
    public var summary: Rect
    public var progress: Rect
    public var footer: Rect

    public init(width: Int, height: Int) {
        let all = Rect(x: 0, y: 0, width: width, height: height)
        (header, _) = all.splitTop(1)
        tabs = Rect(x: 0, y: 1, width: width, height: height >= 2 ? 1 : 0)
        var rest = Rect(x: 0, y: 2, width: width, height: height - 2)
        // Small terminals give up the extras first, keeping the body useful.
        let footerRows = height >= 8 ? 1 : 0
        let progressRows = height >= 18 ? 1 : 0
        let summaryRows = height >= 14 ? 2 : 0
        (rest, footer) = rest.splitBottom(footerRows)
        (rest, progress) = rest.splitBottom(progressRows)
        (rest, summary) = rest.splitBottom(summaryRows)
        body = rest
    }

    /// The tab titles' columns on the tabs row, for drawing and clicking; on a row too narrow
    /// for the padded titles, every title drops its padding so all of them stay whole.
    public static func tabSpans(width: Int = .max) -> [(screen: Screen, start: Int, label: String)] {
        let padded = Screen.allCases.reduce(1) { $0 + "\($1.rawValue) \($1.title)".count + 3 } - 1 <= width
        var column = 1
        return Screen.allCases.map { screen in
            let label = padded ? " \(screen.rawValue) \(screen.title) " : "\(screen.rawValue) \(screen.title)"
            defer { column += label.count + 1 }
            return (screen, column, label)
        }
    }
}

/// Which rows of a list are on screen: the selection kept in view, centred once it leaves the
/// top page. Derived from the selection alone, so drawing and clicking agree without stored scroll.
public func visibleWindow(count: Int, selected: Int, rows: Int) -> Range<Int> {
    guard rows > 0, count > 0 else { return 0..<0 }
    if count <= rows { return 0..<count }
    let start = min(max(0, selected - rows / 2), count - rows)
    return start..<(start + rows)
}
