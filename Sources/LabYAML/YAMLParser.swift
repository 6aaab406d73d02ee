/// The reader's cursor over the text's UTF-8 bytes, and the document around the nodes. Indentation
/// is counted in bytes (only spaces indent); marks count characters, as an editor shows them.
struct YAMLParser {
    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var lineStart = 0
    var anchors: [String: Node] = [:]
    var depth = 0
    static let maxDepth = 400

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a byte-order mark
        if bytes.contains(13) { bytes = Self.unixLines(bytes) }
        self.bytes = bytes
    }

    /// CRLF and lone CR read as LF.
    private static func unixLines(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 {
                out.append(10)
                if index + 1 < bytes.count && bytes[index + 1] == 10 { index += 1 }
            } else {
                out.append(bytes[index])
            }
            index += 1
        }
        return out
    }

    var atEnd: Bool { pos >= bytes.count }
    func peek(_ offset: Int = 0) -> UInt8 { pos + offset < bytes.count ? bytes[pos + offset] : 0 }
    /// Bytes from the line's start: the indentation when only spaces precede.
    var column: Int { pos - lineStart }
    var mark: Mark {
        var characters = 0
        for index in lineStart..<min(pos, bytes.count) where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return Mark(line: line, column: characters + 1)
    }

    static func isBreakOrEnd(_ byte: UInt8) -> Bool { byte == 0 || byte == 10 }
    static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
    static func isSpaceOrEnd(_ byte: UInt8) -> Bool { isBlank(byte) || isBreakOrEnd(byte) }
    static func isFlowIndicator(_ byte: UInt8) -> Bool { byte == 44 || byte == 91 || byte == 93 || byte == 123 || byte == 125 }

    mutating func advance() {
        if bytes[pos] == 10 {
            line += 1
            lineStart = pos + 1
        }
        pos += 1
    }

    mutating func skipBlanks() { while Self.isBlank(peek()) { pos += 1 } }

    /// Past spaces, comments and line breaks to the next content (or the end). A tab in the
    /// indentation of a content line is refused, as YAML does.
    mutating func skipToContent() throws(YAMLError) {
        while !atEnd {
            let byte = peek()
            if byte == 32 || byte == 9 {
                pos += 1
            } else if byte == 10 {
                advance()
            } else if byte == 35 && (pos == lineStart || Self.isBlank(bytes[pos - 1])) {
                while !Self.isBreakOrEnd(peek()) { pos += 1 }
            } else {
                if bytes[lineStart..<pos].contains(9), bytes[lineStart..<pos].allSatisfy(Self.isBlank) {
                    throw YAMLError("a tab cannot indent (YAML indents with spaces)", at: mark)
                }
                return
            }
        }
    }

    /// `---` or `...` at the start of a line.
    var atDocumentMarker: Bool {
        column == 0 && ((peek() == 45 && peek(1) == 45 && peek(2) == 45) || (peek() == 46 && peek(1) == 46 && peek(2) == 46))
            && Self.isSpaceOrEnd(peek(3))
    }

    mutating func document() throws(YAMLError) -> Node? {
        try skipToContent()
        while !atEnd && column == 0 && peek() == 37 {  // %YAML / %TAG directives
            while !Self.isBreakOrEnd(peek()) { pos += 1 }
            try skipToContent()
        }
        if atDocumentMarker && peek() == 45 {
            pos += 3
            try skipToContent()
        }
        var root: Node?
        if !atEnd && !atDocumentMarker { root = try node(parent: -1, inlineValue: false) }
        try skipToContent()
        if atDocumentMarker && peek() == 46 {
            pos += 3
            try skipToContent()
        }
        if atDocumentMarker && peek() == 45 {
            let at = mark
            pos += 3
            try skipToContent()
            if !atEnd { throw YAMLError("expected a single document in the stream, found another (---)", at: at) }
        }
        guard atEnd else { throw YAMLError("did not find the expected end of the document (is this line indented wrongly?)", at: mark) }
        return root
    }
}
