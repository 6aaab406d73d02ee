import LabYAML

/// A YAML node that knows where it is, so every complaint names file, line, column and key path.
struct YAMLValue {
    let node: Node
    let path: String
    let file: String

    func diagnostic(_ message: String) -> CatalogDiagnostic {
        CatalogDiagnostic(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, path: path, message: message)
    }

    func expected(_ what: String) -> CatalogDiagnostic {
        diagnostic("expected \(what), found \(kind)")
    }

    private var kind: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.tag == Tag.null || (scalar.style == .plain && ["", "~", "null"].contains(scalar.string))
    }

    /// Mapping entries in file order; keys must be scalars.
    func entries() throws(CatalogDiagnostic) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw expected("a mapping") }
        var explicit: [(key: String, value: YAMLValue)] = []
        var merged: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLValue(node: key, path: path, file: file).expected("a plain key")
            }
            if scalar.string == "<<" && scalar.style == .plain {  // YAML merge key, as compose files use it
                let sources = value.sequence.map(Array.init) ?? [value]
                for source in sources { merged += try YAMLValue(node: source, path: path, file: file).entries() }
            } else {
                explicit.append((scalar.string, child(value, scalar.string)))
            }
        }
        let overridden = Set(explicit.map(\.key))
        return merged.filter { !overridden.contains($0.key) } + explicit
    }

    func items() throws(CatalogDiagnostic) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw expected("a list") }
        return sequence.enumerated().map { YAMLValue(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    func string() throws(CatalogDiagnostic) -> String {
        guard case .scalar(let scalar) = node else { throw expected("a text value") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>? = nil) throws(CatalogDiagnostic) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else { throw expected("a whole number") }
        if let range, !range.contains(value) { throw diagnostic("expected a number from \(range.lowerBound) to \(range.upperBound), found \(value)") }
        return value
    }

    func bool() throws(CatalogDiagnostic) -> Bool {
        guard case .scalar(let scalar) = node else { throw expected("true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw expected("true or false")
        }
    }

    /// A list of texts, or one text standing for a list of one.
    func strings() throws(CatalogDiagnostic) -> [String] {
        if case .scalar = node { return [try string()] }
        var result: [String] = []
        for item in try items() { result.append(try item.string()) }
        return result
    }

    func child(_ node: Node, _ key: String) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }
}

/// Reads a mapping's keys, remembering which were understood so the rest can be reported.
struct KeyReader {
    let value: YAMLValue
    private let entries: [(key: String, value: YAMLValue)]
    private var used: Set<String> = []

    init(_ value: YAMLValue) throws(CatalogDiagnostic) {
        self.value = value
        self.entries = try value.entries()
    }

    mutating func take(_ key: String) -> YAMLValue? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    mutating func require(_ key: String) throws(CatalogDiagnostic) -> YAMLValue {
        guard let found = take(key) else { throw value.diagnostic("missing '\(key)'") }
        return found
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// A key's value without marking it understood.
    func peek(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    /// Keys nobody took, with their values (for locating a warning).
    var leftovers: [(key: String, value: YAMLValue)] { entries.filter { !used.contains($0.key) } }
}
