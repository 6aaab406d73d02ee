#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabYAML

/// A compose project read from disk as `docker compose` reads it: the files (`-f`, or the
/// default ones found from the working directory up), `.env` or `--env-file`, `include:`,
/// several files merged, `extends:`, profiles and the project name, then the lab built from it.
public struct ComposeProject {
    public let catalog: Catalog
    /// The resolved compose model (interpolated, merged, profiles applied, name set).
    let model: Node
    /// Services left out because none of their profiles is active.
    public let inactiveServices: [String]

    public static func load(_ options: CatalogOptions) throws(CatalogError) -> ComposeProject {
        let report = LoadReport()
        var files = options.files.map { absolute($0, in: options.workingDirectory) }
        if files.isEmpty { files = CatalogOptions.discover(from: options.workingDirectory) }
        guard let first = files.first else {
            throw CatalogError(diagnostics: [CatalogDiagnostic(
                file: options.workingDirectory, line: 1, column: 1, path: "",
                message: "no compose file here or above (\(CatalogOptions.defaultNames.joined(separator: ", "))); name one with -f")])
        }
        let directory = Path.parent(first)
        let envFiles = options.envFiles.isEmpty
            ? [directory + "/.env"].filter { FileManager.default.fileExists(atPath: $0) }
            : options.envFiles.map { absolute($0, in: options.workingDirectory) }
        let lookup = environment(options.environment, files: envFiles, report: report)

        var reader = ComposeFileReader(report: report)
        var merged: Node?
        for file in files {
            guard let tree = reader.read(file, projectDirectory: directory, lookup: lookup, includeDepth: 0) else { continue }
            merged = merged.map { ComposeMerge.merge($0, tree) } ?? tree
        }
        // Errors so far do not stop the load: the rest of the files still report theirs.
        guard var root = merged else { throw CatalogError(diagnostics: report.sortedErrors()) }
        root = reader.applyExtends(ComposeMerge.withoutResets(root), file: first, lookup: lookup)

        let name: String
        if let given = options.projectName ?? lookup("COMPOSE_PROJECT_NAME").flatMap({ $0.isEmpty ? nil : $0 }) {
            name = given
        } else if let declared = root.field("name")?.scalar?.string, !declared.isEmpty {
            name = declared
        } else {
            name = CatalogOptions.normalizedProjectName(Path.lastComponent(directory))
        }
        let (active, inactive) = ComposeMerge.applyProfiles(root, active: options.activeProfiles(lookup: lookup))
        root = ComposeMerge.setting("name", to: Node(name), in: active)
        if !inactive.isEmpty {
            report.warn(CatalogDiagnostic(
                file: first, line: 1, column: 1, path: "",
                message: "\(inactive.count) service\(inactive.count == 1 ? "" : "s") left out by profiles (\(inactive.joined(separator: ", "))): "
                    + "enable with --profile NAME or COMPOSE_PROFILES"))
        }
        var catalog = try CatalogLoader.build(root, file: first, projectName: name, serviceFiles: reader.serviceFiles, report: report)
        catalog.source = files.joined(separator: ",")
        return ComposeProject(catalog: catalog, model: root, inactiveServices: inactive)
    }

    /// The process environment over the env files (compose: the shell wins over `.env`).
    static func environment(_ process: [String: String], files: [String], report: LoadReport) -> (String) -> String? {
        var values: [String: String] = [:]
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                report.error(CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "env file: no such file or not readable"))
                continue
            }
            do throws(CatalogDiagnostic) {
                for (name, value) in try DotEnv.parse(text, file: file, lookup: { process[$0] ?? values[$0] }) { values[name] = value }
            } catch {
                report.error(error)
            }
        }
        return { process[$0] ?? values[$0] }
    }

    static func absolute(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}

extension ComposeProject {
    /// The catalog that ships inside ailab: project `ailab` unless `-p` names another.
    static func builtIn(_ options: CatalogOptions) throws(CatalogError) -> ComposeProject {
        guard let text = BuiltInFiles.files["lab.yaml"] else {
            throw CatalogError(diagnostics: [CatalogDiagnostic(file: "built-in", line: 1, column: 1, path: "", message: "the built-in catalog is missing from the build")])
        }
        let report = LoadReport()
        var tree: Node?
        report.attempt { () throws(CatalogDiagnostic) in
            tree = try CatalogLoader.tree(text, file: "built-in", lookup: { options.environment[$0] }, report: report)
        }
        guard var root = tree else { throw CatalogError(diagnostics: report.sortedErrors()) }
        let name = options.projectName ?? "ailab"
        let (active, inactive) = ComposeMerge.applyProfiles(root, active: options.activeProfiles(lookup: { options.environment[$0] }))
        root = ComposeMerge.setting("name", to: Node(name), in: active)
        // Its configs files are compiled in beside it.
        var catalog = try CatalogLoader.build(root, file: "built-in", projectName: name, directory: BuiltInFiles.directory, report: report)
        catalog.source = "built-in"
        return ComposeProject(catalog: catalog, model: root, inactiveServices: inactive)
    }
}
