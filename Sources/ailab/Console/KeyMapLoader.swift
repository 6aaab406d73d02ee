import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds and reads the person's key-map file: `$XDG_CONFIG_HOME/ailab/keys`, else
/// `~/.config/ailab/keys`, read as the catalog's `lab.yaml` beside it is.
enum KeyMapLoader {
    static func path(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/ailab/keys" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/ailab/keys"
    }

    /// The bindings in force: the defaults when there is no file; its problems, each as
    /// `file:line: message`, when it has any (the console then refuses to start: a key that
    /// silently did something else than the file says would be worse).
    static func load(environment: [String: String]) -> Result<KeyTable, KeyMapErrors> {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return .success(.defaults) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(KeyMapErrors(file: path, "cannot be read"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KeyMapErrors(file: path, "is not UTF-8 text"))
        }
        return KeyMapFile.parse(text, path: path)
    }
}
