#if canImport(Glibc)
import Glibc
#endif

/// File paths as text, with NSString's rules (`lastPathComponent`, `deletingLastPathComponent`,
/// `pathExtension`…): NSString is full Foundation (issue 17), and URL would turn every relative
/// path into an absolute one against the working directory.
public enum Path {
    /// The path without trailing slashes ("/" stays "/").
    static func withoutTrailingSlashes(_ path: String) -> Substring {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return text
    }

    /// "/a/b" → "b"; "/a/b/" → "b"; "/" → "/"; "" → "".
    public static func lastComponent(_ path: String) -> String {
        let text = withoutTrailingSlashes(path)
        if text == "/" { return "/" }
        guard let slash = text.lastIndex(of: "/") else { return String(text) }
        return String(text[text.index(after: slash)...])
    }

    /// "/a/b" → "/a"; "/a" → "/"; "a" → ""; "a/b/" → "a"; "/" → "/".
    public static func parent(_ path: String) -> String {
        let text = withoutTrailingSlashes(path)
        if text == "/" { return "/" }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        var head = text[..<slash]
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// "a.tar.gz" → "gz"; ".env" → ""; "dir.d/file" → "".
    public static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// "/x/a.yml" → "/x/a"; ".env" → ".env".
    public static func deletingExtension(_ path: String) -> String {
        let ext = pathExtension(path)
        guard !ext.isEmpty else { return String(withoutTrailingSlashes(path)) }
        return String(withoutTrailingSlashes(path).dropLast(ext.count + 1))
    }

    /// `directory` + "/" + `name`, without doubling the slash; an absolute `name` is kept as is
    /// only by callers that want it (this is NSString's `appendingPathComponent`).
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        if name.isEmpty { return directory }
        return (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/" + (name.hasPrefix("/") ? String(name.dropFirst()) : name)
    }

    /// The user's home: `$HOME`, else the password database's entry for this uid, else "/".
    public static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        #if canImport(Glibc)
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        #endif
        return "/"
    }

    /// "~" and "~/x" against `home`; "~user" is left alone (as the compose CLI leaves it).
    public static func expandingTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return join(home, String(path.dropFirst(2))) }
        return path
    }
}
