import LabYAML

/// A YAML document as plain values (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`), for
/// files that are not catalogs but that the lab reads: Traefik's file provider and
/// cloudflared's config. Only LabCatalog links the YAML parser; this is its one door for them.
public enum PlainYAML {
    /// nil when the text is not YAML (the caller says which file).
    public static func load(_ text: String) -> Any? {
        guard let root = try? YAMLReader.compose(text) else { return nil }
        return plain(root)
    }

    /// Scalars typed as YAML's core schema does for unquoted text (what Yams.load gave):
    /// quoted text stays text, so `"8080"` is a string and `8080` a number.
    private static func plain(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            var values: [String: Any] = [:]
            for pair in mapping.pairs { values[pair.key.string ?? ""] = plain(pair.value) }
            return values
        case .sequence(let sequence):
            return sequence.items.map(plain)
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return scalar.string }
            if let number = Int(scalar.string) { return number }
            if let flag = node.bool { return flag }
            return scalar.string
        }
    }
}
