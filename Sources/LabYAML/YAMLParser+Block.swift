/// Block structure: a node's properties, then a block sequence, a block mapping or one value.
/// `parent` is the indentation of the collection the node sits in (-1 at the top): a node on
/// its own lines must be indented deeper, except a list under a mapping key (`key:\n- a`).
extension YAMLParser {
    mutating func node(parent: Int, inlineValue: Bool) throws(YAMLError) -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw YAMLError("nested more than \(Self.maxDepth) levels deep", at: mark) }
        let before = pos
        let (anchor, tag) = properties()
        var onNewLine = false
        if pos != before && (peek() == 35 || Self.isBreakOrEnd(peek())) {  // the node is on the lines below
            let empty = mark
            try skipToContent()
            let sequenceHere = column == parent && peek() == 45 && Self.isSpaceOrEnd(peek(1))
            if atEnd || atDocumentMarker || (column <= parent && !sequenceHere) {
                return remember(.scalar(Node.Scalar("", tag, .plain, empty)), as: anchor)
            }
            onNewLine = true
        }
        let start = mark
        let startColumn = column
        let built: Node
        switch peek() {
        case 42:
            built = try alias()
        case 45 where Self.isSpaceOrEnd(peek(1)):
            guard !inlineValue || onNewLine else { throw YAMLError("a list item (-) cannot start on the line of its key", at: start) }
            built = try blockSequence(column: startColumn, tag: tag)
        case 91, 123:
            built = try flowCollection(tag: tag)
        case 124, 62:
            built = .scalar(try blockScalar(parent: parent, tag: tag))
        case 63 where Self.isSpaceOrEnd(peek(1)):
            throw YAMLError("explicit keys (?) are not supported: write the key before its ':'", at: start)
        default:
            var scalar = try inlineScalar(parent: parent, tag: tag, flow: false)
            skipBlanks()
            if peek() == 58 && Self.isSpaceOrEnd(peek(1)) {
                guard !inlineValue || onNewLine else { throw YAMLError("mapping values are not allowed here (quote a value that holds ': ')", at: mark) }
                // Properties on the key's own line belong to the key, those on a line before to the mapping.
                guard onNewLine else { return try blockMapping(firstKey: remember(.scalar(scalar), as: anchor), column: startColumn, tag: .implicit) }
                scalar.tag = .implicit
                return remember(try blockMapping(firstKey: .scalar(scalar), column: startColumn, tag: tag), as: anchor)
            }
            built = .scalar(scalar)
        }
        return remember(built, as: anchor)
    }

    mutating func remember(_ node: Node, as anchor: String?) -> Node {
        if let anchor { anchors[anchor] = node }
        return node
    }

    /// `&anchor` and `!tag` before a node on its line, in either order.
    mutating func properties() -> (anchor: String?, tag: Tag) {
        var anchor: String?
        var tag = Tag.implicit
        while peek() == 38 || peek() == 33 {
            let name = readName(from: pos + 1)
            if peek() == 38 { anchor = name } else { tag = .written("!" + name) }
            pos += 1 + name.utf8.count
            skipBlanks()
        }
        return (anchor, tag)
    }

    /// `*name`: the node its anchor named, shared rather than copied.
    mutating func alias() throws(YAMLError) -> Node {
        let name = readName(from: pos + 1)
        guard let target = anchors[name] else { throw YAMLError("no anchor &\(name) before this alias", at: mark) }
        pos += 1 + name.utf8.count
        return target
    }

    /// An anchor, alias or tag name: up to a space or a flow indicator.
    func readName(from start: Int) -> String {
        var end = start
        while end < bytes.count && !Self.isSpaceOrEnd(bytes[end]) && !Self.isFlowIndicator(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Entries at `column`, the cursor on the first key's ':'.
    mutating func blockMapping(firstKey: Node, column indent: Int, tag: Tag) throws(YAMLError) -> Node {
        let start = firstKey.mark
        var pairs: [(Node, Node)] = []
        var seen: Set<String> = []
        var key = firstKey
        while true {
            pos += 1  // the ':'
            let empty = mark
            skipBlanks()
            let value: Node
            if peek() == 35 || Self.isBreakOrEnd(peek()) {
                try skipToContent()
                let sequenceHere = column == indent && peek() == 45 && Self.isSpaceOrEnd(peek(1))
                if atEnd || atDocumentMarker || (column <= indent && !sequenceHere) {
                    value = .scalar(Node.Scalar("", .implicit, .plain, empty))
                } else {
                    value = try node(parent: indent, inlineValue: false)
                }
            } else {
                value = try node(parent: indent, inlineValue: true)
            }
            if let text = key.scalar?.string, text != "<<", !seen.insert(text).inserted {
                throw YAMLError("duplicate key '\(text)' in this mapping", at: key.mark ?? empty)
            }
            pairs.append((key, value))
            try skipToContent()
            if atEnd || atDocumentMarker || column < indent { break }
            guard column == indent else { throw YAMLError("bad indentation of a mapping entry", at: mark) }
            key = try mappingKey()
        }
        return .mapping(Node.Mapping(pairs, tag, .block, start))
    }

    /// A key of a block mapping, up to and on its ':'.
    private mutating func mappingKey() throws(YAMLError) -> Node {
        let at = mark
        if peek() == 45 && Self.isSpaceOrEnd(peek(1)) { throw YAMLError("expected a key, found a list item (-) beside a mapping", at: at) }
        let (anchor, tag) = properties()
        let key: Node
        if peek() == 42 {
            key = try alias()
        } else {
            key = .scalar(try inlineScalar(parent: Int.max, tag: tag, flow: false))
        }
        skipBlanks()
        guard peek() == 58 && Self.isSpaceOrEnd(peek(1)) else { throw YAMLError("could not find the expected ':' after a key", at: at) }
        return remember(key, as: anchor)
    }

    /// Items at `column`, the cursor on the first '-'.
    mutating func blockSequence(column indent: Int, tag: Tag) throws(YAMLError) -> Node {
        let start = mark
        var items: [Node] = []
        while true {
            pos += 1  // the '-'
            let empty = mark
            skipBlanks()
            if peek() == 35 || Self.isBreakOrEnd(peek()) {
                try skipToContent()
                if atEnd || atDocumentMarker || column <= indent {
                    items.append(.scalar(Node.Scalar("", .implicit, .plain, empty)))
                } else {
                    items.append(try node(parent: indent, inlineValue: false))
                }
            } else {
                items.append(try node(parent: indent, inlineValue: false))
            }
            try skipToContent()
            if atEnd || atDocumentMarker || column < indent { break }
            guard column == indent else { throw YAMLError("bad indentation of a list item", at: mark) }
            guard peek() == 45 && Self.isSpaceOrEnd(peek(1)) else { break }  // the parent mapping's next key
        }
        return .sequence(Node.Sequence(items, tag, .block, start))
    }
}
