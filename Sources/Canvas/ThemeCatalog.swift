#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds a theme by name or path: `--theme`, then `AILAB_THEME`, then the compiled-in default.
/// Names are looked up in `$XDG_CONFIG_HOME/ailab/themes`, then among the compiled-in themes.
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
        if let text = bundledText(wanted) { return try ThemeLoader.parse(text, file: "built-in theme \(wanted)") }
        throw ThemeError(file: wanted, line: 1, message: "no such theme; built in: \(bundledNames.joined(separator: ", ")), or give a file path")
    }

    /// A bundled theme's YAML, compiled in (Embedded/BuiltInThemes.swift).
    public static func bundledText(_ name: String) -> String? { BuiltInThemes.files["\(name).yaml"] }
}
