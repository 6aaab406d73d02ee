import Yams

/// A YAML document as plain values (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`), for
/// files that are not catalogs but that the lab reads: Traefik's file provider and
/// cloudflared's config. Only LabCatalog links the YAML parser; this is its one door for them.
public enum PlainYAML {
    /// nil when the text is not YAML (the caller says which file).
    public static func load(_ text: String) -> Any? {
        (try? Yams.load(yaml: text)) ?? nil
    }
}
