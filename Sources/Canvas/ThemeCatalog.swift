import Foundation

/// Finds a theme by name or path: `--theme`, then `AILAB_THEME`, then the compiled-in default.
/// Names are looked up in `$XDG_CONFIG_HOME/ailab/themes`, then among the bundled themes/.
public enum ThemeCatalog {
    public static let bundledNames = ["default", "light", "high-contrast", "monochrome"]

    public static func resolve(option: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        guard let wanted = [option, environment["AILAB_THEME"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return .standard
        }
        if wanted.contains("/") || wanted.hasSuffix(".yaml") || wanted.hasSuffix(".yml") { return try ThemeLoader.load(path: wanted) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"].map { "\($0)/.config" } ?? "")
        let userFile = "\(config)/ailab/themes/\(wanted).yaml"
        if !config.isEmpty, FileManager.default.fileExists(atPath: userFile) { return try ThemeLoader.load(path: userFile) }
        if wanted == "default" { return .standard }
        if let url = bundledURL(wanted) { return try ThemeLoader.load(path: url.path) }
        throw ThemeError(file: wanted, line: 1, message: "no such theme; built in: \(bundledNames.joined(separator: ", ")), or give a file path")
    }

    public static func bundledURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "themes")
    }
}
