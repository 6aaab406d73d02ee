import LabYAML

/// A YAML document as plain values (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`), for
/// files that are not catalogs but that the lab reads: Traefik's file provider and
/// cloudflared's config. Only LabCatalog links the YAML parser; this is its one door for them.
/// Read with LabYAML (the package no longer links Yams): plain scalars that are integers or
/// booleans in YAML 1.2's core schema become Int and Bool, everything else a String.
public enum PlainYAML {
    /// nil when the text is not YAML (the caller says which file).
    public static func load(_ text: String) -> Any? {
        guard let root = try? YAMLReader.compose(text) else { return nil }
        return plain(root)
    }

    static func plain(_ node: Node) -> Any? {
        if let mapping = node.mapping {
            var result: [String: Any] = [:]
            for (key, value) in mapping {
                if let key = key.string, let value = plain(value) { result[key] = value }
            }
            return result
        }
        if let sequence = node.sequence { return sequence.compactMap(plain) }
        guard let scalar = node.scalar else { return nil }
        if scalar.tag == .null { return nil }
        guard scalar.style == .plain || scalar.style == .any else { return scalar.string }
        if let number = Int(scalar.string) { return number }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case "null", "Null", "NULL", "~", "": return nil
        default: return scalar.string
        }
    }
}
