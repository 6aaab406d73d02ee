/// One-line-started scalars: plain (folded over more-indented lines), 'single' and "double"
/// quoted (with escapes); `parent` bounds a plain scalar's continuation lines.
extension YAMLParser {
    mutating func inlineScalar(parent: Int, tag: Tag, flow: Bool) throws(YAMLError) -> Node.Scalar {
        let start = mark
        switch peek() {
        case 34: return Node.Scalar(try doubleQuoted(), tag, .doubleQuoted, start)
        case 39: return Node.Scalar(try singleQuoted(), tag, .singleQuoted, start)
        case 37, 64, 96, 124, 62, 44, 93, 125, 35:
            if flow && (peek() == 44 || peek() == 93 || peek() == 125) { return Node.Scalar("", tag, .plain, start) }
            throw YAMLError("'\(Character(Unicode.Scalar(peek())))' cannot start a plain value: quote it", at: start)
        default: return Node.Scalar(try plain(parent: parent, flow: flow), tag, .plain, start)
        }
    }

    /// The end of a plain run on this line: a line break, ': ', ' #', or (in flow) an indicator.
    private mutating func plainRun(flow: Bool) -> String {
        let start = pos
        var end = pos
        while !Self.isBreakOrEnd(peek()) {
            let byte = peek()
            if byte == 58 && (Self.isSpaceOrEnd(peek(1)) || (flow && Self.isFlowIndicator(peek(1)))) { break }
            if byte == 35 && pos > start && Self.isBlank(bytes[pos - 1]) { break }
            if flow && Self.isFlowIndicator(byte) { break }
            pos += 1
            if !Self.isBlank(byte) { end = pos }
        }
        pos = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func plain(parent: Int, flow: Bool) throws(YAMLError) -> String {
        var text = plainRun(flow: flow)
        // Continuation lines: deeper than the parent (any depth in flow), not a comment.
        while true {
            let saved = (pos, line, lineStart)
            skipBlanks()
            guard peek() == 10, parent != Int.max else { pos = saved.0; break }
            var breaks = 0
            while peek() == 10 || Self.isBlank(peek()) {
                if peek() == 10 { breaks += 1 }
                advance()
            }
            let stop = atEnd || peek() == 35 || atDocumentMarker || (!flow && column <= parent)
                || (flow && (Self.isFlowIndicator(peek()) || peek() == 58))
                || (!flow && peek() == 58 && Self.isSpaceOrEnd(peek(1)))
            if stop {
                (pos, line, lineStart) = saved
                break
            }
            text += breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
            text += plainRun(flow: flow)
            skipBlanks()
            if !flow && peek() == 58 && Self.isSpaceOrEnd(peek(1)) {
                throw YAMLError("mapping values are not allowed here (a key inside a multi-line value?)", at: mark)
            }
        }
        return text
    }

    private mutating func singleQuoted() throws(YAMLError) -> String {
        let start = mark
        pos += 1
        var out: [UInt8] = []
        while true {
            guard !atEnd else { throw YAMLError("a 'quoted' value opened at \(start) is never closed", at: mark) }
            let byte = peek()
            if byte == 39 {
                if peek(1) == 39 {
                    out.append(39)
                    pos += 2
                    continue
                }
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte == 10 { fold(&out) } else {
                out.append(byte)
                pos += 1
            }
        }
    }

    /// A line break inside quotes: trailing blanks dropped, one break is a space, n breaks n-1 newlines.
    private mutating func fold(_ out: inout [UInt8]) {
        while let last = out.last, Self.isBlank(last) { out.removeLast() }
        var breaks = 0
        while peek() == 10 || Self.isBlank(peek()) {
            if peek() == 10 { breaks += 1 }
            advance()
        }
        if breaks == 1 { out.append(32) } else { out += Array(repeating: 10, count: breaks - 1) }
    }

    private mutating func doubleQuoted() throws(YAMLError) -> String {
        let start = mark
        pos += 1
        var out: [UInt8] = []
        while true {
            guard !atEnd else { throw YAMLError("a \"quoted\" value opened at \(start) is never closed", at: mark) }
            let byte = peek()
            switch byte {
            case 34:
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case 92:
                try escape(into: &out)
            case 10:
                fold(&out)
            default:
                out.append(byte)
                pos += 1
            }
        }
    }

    /// One `\` escape of a double-quoted value (YAML 1.2, 5.7).
    private mutating func escape(into out: inout [UInt8]) throws(YAMLError) {
        let at = mark
        let code = peek(1)
        pos += 2
        let simple: [UInt8: String] = [
            48: "\0", 97: "\u{07}", 98: "\u{08}", 116: "\t", 9: "\t", 110: "\n", 118: "\u{0B}", 102: "\u{0C}", 114: "\r",
            101: "\u{1B}", 32: " ", 34: "\"", 47: "/", 92: "\\", 78: "\u{85}", 95: "\u{A0}", 76: "\u{2028}", 80: "\u{2029}",
        ]
        if let text = simple[code] {
            out += Array(text.utf8)
        } else if code == 10 {  // an escaped line break joins the lines
            line += 1
            lineStart = pos
            skipBlanks()
        } else if let width = [120: 2, 117: 4, 85: 8][code] {
            let digits = String(decoding: bytes[pos..<min(pos + width, bytes.count)], as: UTF8.self)
            guard digits.utf8.count == width, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw YAMLError("\\\(Character(Unicode.Scalar(code))) needs \(width) hex digits of a character", at: at)
            }
            out += Array(String(Character(scalar)).utf8)
            pos += width
        } else {
            throw YAMLError("unknown escape \\\(Character(Unicode.Scalar(code))) in a double-quoted value", at: at)
        }
    }
}
