/// Flow collections: `[a, b]` and `{k: v, k2}`, over as many lines as they like, nested, with
/// comments between entries; a `k: v` entry of a sequence is a mapping of one pair.
extension YAMLParser {
    mutating func flowCollection(tag: Tag) throws(YAMLError) -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw YAMLError("nested more than \(Self.maxDepth) levels deep", at: mark) }
        let start = mark
        let isMapping = peek() == 123
        let close: UInt8 = isMapping ? 125 : 93
        let expected = isMapping ? "',' or '}'" : "',' or ']'"
        pos += 1
        var items: [Node] = []
        var pairs: [(Node, Node)] = []
        var seen: Set<String> = []
        while true {
            try skipFlowSpace(opened: start, expected: expected)
            if peek() == close { break }
            let entryStart = mark
            let key = try flowNode()
            try skipFlowSpace(opened: start, expected: expected)
            var value: Node?
            if peek() == 58 {
                let empty = mark
                pos += 1
                try skipFlowSpace(opened: start, expected: expected)
                value = peek() == 44 || peek() == close ? .scalar(Node.Scalar("", .implicit, .plain, empty)) : try flowNode()
                try skipFlowSpace(opened: start, expected: expected)
            }
            if isMapping {
                if let text = key.scalar?.string, text != "<<", !seen.insert(text).inserted {
                    throw YAMLError("duplicate key '\(text)' in this mapping", at: entryStart)
                }
                pairs.append((key, value ?? .scalar(Node.Scalar("", .implicit, .plain, mark))))
            } else if let value {
                items.append(.mapping(Node.Mapping([(key, value)], .implicit, .flow, entryStart)))
            } else {
                items.append(key)
            }
            if peek() == 44 {
                pos += 1
            } else if peek() != close {
                throw YAMLError("did not find the expected \(expected) in the collection opened at \(start)", at: mark)
            }
        }
        pos += 1
        return isMapping ? .mapping(Node.Mapping(pairs, tag, .flow, start)) : .sequence(Node.Sequence(items, tag, .flow, start))
    }

    /// One entry: properties, then a nested collection, an alias or a scalar.
    private mutating func flowNode() throws(YAMLError) -> Node {
        let (anchor, tag) = properties()
        switch peek() {
        case 91, 123:
            return remember(try flowCollection(tag: tag), as: anchor)
        case 42:
            return try alias()
        default:
            return remember(.scalar(try inlineScalar(parent: -1, tag: tag, flow: true)), as: anchor)
        }
    }

    /// Spaces, line breaks and comments inside a flow collection; the end of the text is an error.
    private mutating func skipFlowSpace(opened: Mark, expected: String) throws(YAMLError) {
        while true {
            let byte = peek()
            if Self.isBlank(byte) {
                pos += 1
            } else if byte == 10 {
                advance()
            } else if byte == 35 && (pos == lineStart || Self.isBlank(bytes[pos - 1])) {
                while !Self.isBreakOrEnd(peek()) { pos += 1 }
            } else if atEnd {
                throw YAMLError("did not find the expected \(expected) before the end: the collection opened at \(opened) is never closed", at: mark)
            } else {
                return
            }
        }
    }
}
