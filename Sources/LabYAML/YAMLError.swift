/// Why a text is not the YAML ailab reads, and where (line and column from 1).
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var problem: String

    public init(_ problem: String, at mark: Mark) {
        self.line = mark.line
        self.column = mark.column
        self.problem = problem
    }

    public var description: String { "\(line):\(column): \(problem)" }
}

/// Reads one YAML document into a `Node`: what ailab's compose files, built-in catalog and themes
/// use of YAML 1.2 (block and flow collections, anchors, aliases, block scalars with chomping and
/// indentation indicators, quoted scalars with escapes, comments, document markers). It replaces
/// Yams, whose `Decoder` drags full Foundation (and ICU's 30 MB of data) into the binary.
public enum YAMLReader {
    /// The document's root; nil for a text with no document (empty or only comments).
    public static func compose(_ text: String) throws(YAMLError) -> Node? {
        var parser = YAMLParser(text)
        return try parser.document()
    }
}
