import Foundation

extension Catalog {
    /// The catalog that ships inside ailab.
    public static func builtIn() throws(CatalogError) -> Catalog {
        guard let url = Bundle.module.url(forResource: "lab", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw CatalogError(diagnostics: [CatalogDiagnostic(file: "built-in", line: 1, column: 1, path: "", message: "the built-in catalog is missing from the build")])
        }
        // Its configs files sit beside it in the resource bundle.
        var catalog = try CatalogLoader.load(yaml: text, file: "built-in", directory: url.deletingLastPathComponent().path)
        catalog.source = "built-in"
        return catalog
    }

    /// Loads a catalog file; an unreadable file is a diagnostic like any other.
    public static func load(path: String) throws(CatalogError) -> Catalog {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            throw CatalogError(diagnostics: [CatalogDiagnostic(file: path, line: 1, column: 1, path: "", message: reason)])
        }
        return try CatalogLoader.load(yaml: text, file: path)
    }

    /// Which file to use: `--catalog`, then `AILAB_CATALOG`, then `$XDG_CONFIG_HOME/ailab/lab.yaml`
    /// (`~/.config` when unset) if it exists; otherwise nil, meaning the built-in catalog.
    public static func userCatalogPath(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return option }
        if let variable = environment["AILAB_CATALOG"], !variable.isEmpty { return variable }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { "\($0)/.config" } ?? "")
        guard !config.isEmpty else { return nil }
        let path = "\(config)/ailab/lab.yaml"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Resolves and loads the catalog a run should use.
    public static func resolve(option: String?, environment: [String: String]) throws(CatalogError) -> Catalog {
        if let path = userCatalogPath(option: option, environment: environment) { return try load(path: path) }
        return try builtIn()
    }
}
