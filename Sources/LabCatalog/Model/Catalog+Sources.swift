#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Catalog {
    /// The catalog that ships inside ailab.
    public static func builtIn() throws(CatalogError) -> Catalog {
        try ComposeProject.builtIn(CatalogOptions(environment: [:])).catalog
    }

    /// Loads a catalog file (with its `.env`), as `ailab -f FILE` does.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CatalogError) -> Catalog {
        try ComposeProject.load(CatalogOptions(files: [path], environment: environment)).catalog
    }

    /// Which files to use: `-f/--catalog`, then `AILAB_CATALOG`, then `COMPOSE_FILE`, then a compose file found from
    /// the working directory upwards (with its `.override`), then `$XDG_CONFIG_HOME/ailab/lab.yaml`
    /// (`~/.config` when unset) if it exists; empty means the built-in catalog.
    public static func userCatalogPaths(_ options: CatalogOptions) -> [String] {
        if !options.files.isEmpty { return options.files }
        let environment = options.environment
        if let variable = environment["AILAB_CATALOG"], !variable.isEmpty { return [variable] }
        // Compose's own variable: files separated by ':' (COMPOSE_PATH_SEPARATOR when set).
        if let variable = environment["COMPOSE_FILE"], !variable.isEmpty {
            let separator = environment["COMPOSE_PATH_SEPARATOR"].flatMap(\.first) ?? ":"
            return variable.split(separator: separator).map(String.init)
        }
        let found = CatalogOptions.discover(from: options.workingDirectory)
        if !found.isEmpty { return found }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { "\($0)/.config" } ?? "")
        guard !config.isEmpty else { return [] }
        let path = "\(config)/ailab/lab.yaml"
        return FileManager.default.fileExists(atPath: path) ? [path] : []
    }

    /// Resolves and loads the project a run should use; the built-in catalog when no file is found.
    public static func project(_ options: CatalogOptions) throws(CatalogError) -> ComposeProject {
        var options = options
        options.files = userCatalogPaths(options)
        if options.files.isEmpty { return try ComposeProject.builtIn(options) }
        return try ComposeProject.load(options)
    }

    /// Resolves and loads the catalog a run should use.
    public static func resolve(_ options: CatalogOptions) throws(CatalogError) -> Catalog {
        try project(options).catalog
    }
}
