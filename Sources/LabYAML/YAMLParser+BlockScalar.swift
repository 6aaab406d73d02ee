/// `|` literal and `>` folded values, with chomping (`-` strip, `+` keep, clip by default) and
/// an optional indentation digit, in either order (YAML 1.2, 8.1).
extension YAMLParser {
    mutating func blockScalar(parent: Int, tag: Tag) throws(YAMLError) -> Node.Scalar {
        let start = mark
        let literal = peek() == 124
        pos += 1
        var chomp: UInt8 = 0
        var explicit: Int?
        for _ in 0..<2 {
            if peek() == 45 || peek() == 43 {
                chomp = peek()
                pos += 1
            } else if (49...57).contains(peek()) {
                explicit = Int(peek() - 48)
                pos += 1
            }
        }
        skipBlanks()
        if peek() == 35 { while !Self.isBreakOrEnd(peek()) { pos += 1 } }
        guard Self.isBreakOrEnd(peek()) else { throw YAMLError("unexpected text after a block scalar's | or > indicator", at: mark) }
        let lines = readLines(indent: explicit.map { max(parent, 0) + $0 }, parent: parent)
        var body = lines.text
        var trailing = 0
        while body.last?.isEmpty == true {
            body.removeLast()
            trailing += 1
        }
        var text = literal ? body.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") : Self.folded(body)
        let lastBreak = !body.isEmpty && (lines.endsWithBreak || trailing > 0)
        switch chomp {
        case 45: break
        case 43: text += (lastBreak ? "\n" : "") + String(repeating: "\n", count: trailing)
        default: if lastBreak { text += "\n" }
        }
        return Node.Scalar(text, tag, literal ? .literal : .folded, start)
    }

    /// The content lines (indentation removed; empty lines as empty) and whether the last one ended
    /// with a line break. The cursor is left at the start of the first line that is not content.
    private mutating func readLines(indent explicit: Int?, parent: Int) -> (text: [[UInt8]], endsWithBreak: Bool) {
        var indent = explicit
        var lines: [[UInt8]] = []
        var endsWithBreak = false
        while peek() == 10 {
            advance()
            let lineBegin = pos
            var spaces = 0
            while peek() == 32 {
                spaces += 1
                pos += 1
            }
            if Self.isBreakOrEnd(peek()) {
                if atEnd { break }  // the end of the text after its last line break
                let extra = indent.map { spaces - $0 } ?? 0
                lines.append(extra > 0 ? Array(repeating: 32, count: extra) : [])
                continue
            }
            if indent == nil && spaces > parent { indent = spaces }
            guard let width = indent, spaces >= width else {
                pos = lineBegin  // a line of the parent: the value ends before it
                break
            }
            while !Self.isBreakOrEnd(peek()) { pos += 1 }
            lines.append(Array(bytes[(lineBegin + width)..<pos]))
            endsWithBreak = peek() == 10
        }
        return (lines, endsWithBreak)
    }

    /// Folding: a break between two ordinary lines is a space, empty lines are newlines, and
    /// lines that start with a blank (more indented) keep their breaks.
    static func folded(_ lines: [[UInt8]]) -> String {
        var out: [UInt8] = []
        var previousMore = false
        var pending = 0
        var first = true
        for line in lines {
            if line.isEmpty {
                pending += 1
                continue
            }
            let more = isBlank(line[0])
            if first {
                out += Array(repeating: 10, count: pending)
                first = false
            } else if !more && !previousMore {
                out += pending == 0 ? [32] : Array(repeating: 10, count: pending)
            } else {
                out += Array(repeating: 10, count: pending + 1)
            }
            out += line
            previousMore = more
            pending = 0
        }
        return String(decoding: out, as: UTF8.self)
    }
}
