import Canvas

/// Fixed-width columns one space apart from `area.x + 1`: the tables of the Ports and Exposure screens.
enum Columns {
    /// The column titles, bold, on the area's first row.
    static func headers(_ columns: [(String, Int)], into buffer: inout ScreenBuffer, _ area: Rect) {
        row(columns.map { ($0.0, Style(.title, .bold)) }, columns, y: area.y, ellipsis: "", into: &buffer, area)
    }

    /// One row of cells, each cut to its column's width.
    static func row(_ cells: [(String, Style)], _ columns: [(String, Int)], y: Int, ellipsis: String, into buffer: inout ScreenBuffer, _ area: Rect) {
        var x = area.x + 1
        for ((text, style), (_, width)) in zip(cells, columns) {
            buffer.put(DisplayWidth.truncate(text, to: width, ellipsis: ellipsis), x: x, y: y, style: style, clip: area)
            x += width + 1
        }
    }
}
