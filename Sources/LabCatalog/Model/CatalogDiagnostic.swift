/// A problem found in a catalog file, located as `file:line:column`.
public struct CatalogDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Where in the document, as a key path (`services.qdrant.ports[0]`).
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let at = path.isEmpty ? "" : "\(path): "
        return "\(file):\(line):\(column): \(at)\(message)"
    }
}

/// A catalog that could not be loaded: the first error, then any further ones found.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [CatalogDiagnostic]

    public var description: String { diagnostics.map { "error: \($0)" }.joined(separator: "\n") }
}
