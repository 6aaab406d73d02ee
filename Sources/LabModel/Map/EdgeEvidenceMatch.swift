/// Whether an inspected container carries one piece of an edge's configuration.
enum EdgeEvidenceMatch {
    static func present(_ evidence: EdgeEvidence, in container: ContainerStatus) -> Bool {
        switch evidence.kind {
        case .env:
            let prefix = evidence.name + "="
            guard let entry = container.environment.first(where: { $0.hasPrefix(prefix) }) else { return false }
            return matches(String(entry.dropFirst(prefix.count)), template: evidence.expected)
        case .config:
            // Source is `<config directory>/<project>/<config name>` (ContainerBlueprint.configPath).
            return container.mounts.contains { $0.hasSuffix("/\(evidence.expected):\(evidence.name)") }
        case .argument:
            return container.arguments.contains { matches($0, template: evidence.expected) }
        case .route:
            return container.labels[evidence.name].map { matches($0, template: evidence.expected) } ?? false
        case .dependsOn:
            return true
        }
    }

    /// `value` is `template` once interpolated: the literal text between `${…}` references, in
    /// order (what a secret resolved to is neither known here nor needed). `$$` is a `$`.
    static func matches(_ value: String, template: String) -> Bool {
        let pieces = literalPieces(template)
        guard pieces.count > 1, let head = pieces.first, let tail = pieces.last else { return value == (pieces.first ?? template) }
        guard value.count >= head.count + tail.count, value.hasPrefix(head), value.hasSuffix(tail) else { return false }
        var rest = value.dropFirst(head.count).dropLast(tail.count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.firstRange(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// The text outside `${…}`, split at each reference; a template with no reference is one piece.
    static func literalPieces(_ template: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var chars = Array(template)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "$", chars.first == "$" {
                current.append("$")
                chars = chars.dropFirst()
            } else if c == "$", chars.first == "{", let close = chars.firstIndex(of: "}") {
                pieces.append(current)
                current = ""
                chars = chars[(close + 1)...]
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        return pieces
    }
}
