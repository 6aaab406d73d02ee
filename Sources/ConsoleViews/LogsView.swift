import Canvas
import Console

/// A service's logs, components interleaved by time, stderr marked with `!` as well as colour.
enum LogsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        let logs = state.logs
        let mode = logs.following ? "following" : "paused \(logs.scrollBack) lines up · f follows"
        let options = [logs.window.rawValue, logs.wrap ? "wrap" : nil].compactMap { $0 }.joined(separator: " · ")
        buffer.box(area, title: "Logs · \(logs.service ?? "?") · \(mode) · \(options)", glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        guard !inner.isEmpty else { return }
        let multi = Set(logs.lines.filter { !$0.marker }.map(\.container)).count > 1
        let end = logs.lines.count - logs.scrollBack
        // Rows from the newest shown line upwards until the area is full; a wrapped line takes several.
        var rows: [[(String, Style)]] = []
        var index = end - 1
        while index >= 0, rows.count < inner.height {
            rows.insert(contentsOf: self.rows(logs.lines[index], state: state, multi: multi, width: inner.width), at: 0)
            index -= 1
        }
        for (offset, parts) in rows.suffix(inner.height).enumerated() {
            let y = inner.y + offset
            var x = inner.x
            for (text, style) in parts {
                let start = x
                x += buffer.put(text, x: x, y: y, style: style, clip: inner)
                if style.role == .text || style.role == .stderr { highlight(logs.search, in: text, x: start, y: y, into: &buffer, inner) }
            }
        }
        if let ended = logs.ended, rows.count < inner.height {
            buffer.put(ended, x: inner.x + 1, y: inner.y + rows.count, style: Style(.muted), clip: inner)
        } else if logs.lines.isEmpty {
            buffer.put(" waiting for output…", x: inner.x, y: inner.y, style: Style(.muted), clip: inner)
        }
    }

    /// One log line as screen rows: `!` for stderr, the time, the container when several, the
    /// text; wrapped under the text's first column when wrapping is on, else cut at the edge.
    static func rows(_ line: LogLine, state: AppState, multi: Bool, width: Int) -> [[(String, Style)]] {
        var prefix: [(String, Style)] = [(line.stream == .stderr ? "!" : " ", Style(.stderr, .bold))]
        if state.logs.timestamps { prefix.append((Format.clock(line.time, timeZone: state.timeZone) + " ", Style(.muted))) }
        if multi, !line.marker { prefix.append((DisplayWidth.pad(line.container, to: 14, ellipsis: state.glyphs.ellipsis) + " ", Style(.accent))) }
        let text = line.text.replacing("\t", with: "    ")
        let style = Style(line.marker ? .muted : line.stream == .stderr ? .stderr : .text)
        let indent = prefix.reduce(0) { $0 + DisplayWidth.of($1.0) }
        guard state.logs.wrap, width - indent >= 8, DisplayWidth.of(text) > width - indent else { return [prefix + [(text, style)]] }
        var rows: [[(String, Style)]] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            var chunk = ""
            var used = 0
            while let character = rest.first, used + DisplayWidth.of(character) <= width - indent {
                chunk.append(character)
                used += DisplayWidth.of(character)
                rest.removeFirst()
            }
            if chunk.isEmpty, let character = rest.first {  // a character wider than the room: skip it rather than loop
                chunk.append(character)
                rest.removeFirst()
            }
            rows.append((rows.isEmpty ? prefix : [(String(repeating: " ", count: indent), Style(.text))]) + [(chunk, style)])
        }
        return rows
    }

    static func highlight(_ search: String, in text: String, x: Int, y: Int, into buffer: inout ScreenBuffer, _ clip: Rect) {
        guard !search.isEmpty, let range = firstMatch(search, in: text) else { return }
        let start = x + DisplayWidth.of(text[..<range.lowerBound])
        buffer.restyle(Rect(x: start, y: y, width: DisplayWidth.of(text[range]), height: 1).clipped(to: clip)) { _ in Style(.match, .bold) }
    }

    /// Where `search` first appears in `text`, each character compared lower-cased, as the log
    /// search finds its lines (Foundation's `.caseInsensitive` search would load ICU, issue 17).
    static func firstMatch(_ search: String, in text: String) -> Range<String.Index>? {
        let needle = search.map { $0.lowercased() }
        let hay = Array(text.indices)
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        for start in 0...(hay.count - needle.count) where (0..<needle.count).allSatisfy({ text[hay[start + $0]].lowercased() == needle[$0] }) {
            let end = start + needle.count
            return hay[start]..<(end < hay.count ? hay[end] : text.endIndex)
        }
        return nil
    }
}

extension Rect {
    func clipped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }
}
