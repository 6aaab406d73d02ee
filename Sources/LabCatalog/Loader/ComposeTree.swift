import LabYAML

/// Expands YAML merge keys (`<<: *base`) once, into plain mappings, within a budget.
/// The reader shares an aliased node rather than copying it, so a 716-byte file of chained merges
/// (`<<: [*m, *m]` thirty levels deep) is small in memory but 2^30 values when walked: every
/// later pass walks this bounded result instead, and a file past the bound is refused.
struct ComposeTree {
    /// Far above real files (the corpus's largest, Dify's 77 KB, is some thousands of values) and a generated lab of 20,000 services.
    static let maxValues = 250_000
    static let maxDepth = 100

    let file: String
    private(set) var values = 0
    /// The outermost merge key being expanded: where a blow-up is reported (the file's own words).
    private var mergeSite: Mark?
    /// Merge keys applied so far: a subtree with none is returned as it was, not rebuilt.
    private var merges = 0

    init(file: String) { self.file = file }

    /// The tree with every merge key applied; throws "too large or self-referencing" past the bounds.
    mutating func resolve(_ node: Node, depth: Int = 0) throws(CatalogDiagnostic) -> Node {
        values += 1
        guard values <= Self.maxValues, depth <= Self.maxDepth else {
            let why = depth > Self.maxDepth
                ? "nested more than \(Self.maxDepth) levels deep" : "more than \(Self.maxValues) values once aliases and merge keys are expanded"
            let at = mergeSite ?? node.mark
            throw CatalogDiagnostic(
                file: file, line: at?.line ?? 1, column: at?.column ?? 1, path: "",
                message: "catalog too large or self-referencing: \(why)")
        }
        switch node {
        case .scalar:
            return node
        case .sequence(let sequence):
            let before = merges
            var items: [Node] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try resolve(item, depth: depth + 1)) }
            return merges == before ? node : .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .mapping(let mapping):
            let before = merges
            var explicit: [(Node, Node)] = []
            var merged: [(Node, Node)] = []
            for (key, value) in mapping {
                if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain {
                    merges += 1
                    let outermost = mergeSite == nil
                    if outermost { mergeSite = scalar.mark }
                    defer { if outermost { mergeSite = nil } }
                    let sources = value.sequence.map(Array.init) ?? [value]
                    for source in sources {
                        guard case .mapping(let resolved) = try resolve(source, depth: depth + 1) else {
                            throw CatalogDiagnostic(
                                file: file, line: source.mark?.line ?? 1, column: source.mark?.column ?? 1, path: "",
                                message: "a merge key (<<) takes a mapping or a list of mappings")
                        }
                        merged += resolved.map { ($0.0, $0.1) }
                    }
                } else {
                    explicit.append((key, try resolve(value, depth: depth + 1)))
                }
            }
            if merges == before { return node }
            guard !merged.isEmpty else { return .mapping(Node.Mapping(explicit, mapping.tag, mapping.style, mapping.mark)) }
            // Explicit keys win over merged ones; among merged sources the first wins (YAML 1.1 merge).
            var seen = Set(explicit.compactMap { $0.0.scalar?.string })
            var pairs: [(Node, Node)] = []
            for pair in merged where seen.insert(pair.0.scalar?.string ?? "").inserted { pairs.append(pair) }
            return .mapping(Node.Mapping(pairs + explicit, mapping.tag, mapping.style, mapping.mark))
        }
    }
}

extension Node {
    /// A mapping's value by key text.
    func field(_ key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.0.scalar?.string == key }?.1
    }
}
