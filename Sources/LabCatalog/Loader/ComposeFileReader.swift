#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabYAML

/// Reads compose files for `ComposeProject`: each file parsed, bounded and interpolated, its
/// services' `env_file:` folded into their environment, its `include:` entries loaded as
/// projects of their own, and (once merged) `extends:` applied. Problems go to the report.
struct ComposeFileReader {
    let report: LoadReport
    /// The file each service (`name`) and each of its keys (`name.key`) came from, so errors
    /// name the right file when several files are merged.
    private(set) var serviceFiles: [String: String] = [:]
    static let maxIncludeDepth = 8

    init(report: LoadReport) { self.report = report }

    /// One file; relative bind mounts and env files are resolved from `projectDirectory` (the
    /// first file's directory, an include's project_directory), as compose resolves them.
    mutating func read(_ file: String, projectDirectory: String? = nil, lookup: @escaping (String) -> String?, includeDepth: Int) -> Node? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read as UTF-8 text" : "no such file"
            report.error(CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: reason))
            return nil
        }
        var root: Node?
        report.attempt { () throws(CatalogDiagnostic) in root = try CatalogLoader.tree(text, file: file, lookup: lookup, report: report) }
        guard var tree = root else { return nil }
        let directory = projectDirectory ?? Path.parent(file)
        tree = foldEnvFiles(tree, file: file, directory: directory, lookup: lookup)
        tree = BindPaths.absolute(tree, from: directory, home: lookup("HOME"))
        // Later files win key by key, as their values do when merged.
        for (name, service) in tree.field("services")?.mapping.map(Array.init) ?? [] {
            guard let name = name.scalar?.string else { continue }
            if serviceFiles[name] == nil { serviceFiles[name] = file }
            for (key, _) in service.mapping.map(Array.init) ?? [] { serviceFiles["\(name).\(key.scalar?.string ?? "")"] = file }
        }
        if let include = tree.field("include") {
            tree = ComposeMerge.removing("include", from: tree)
            tree = includeAll(include, into: tree, file: file, directory: directory, lookup: lookup, depth: includeDepth)
        }
        return tree
    }

    /// `include:` entries: a path, or `{path, project_directory, env_file}` (compose-spec include.md).
    private mutating func includeAll(
        _ include: Node, into tree: Node, file: String, directory: String, lookup: @escaping (String) -> String?, depth: Int
    ) -> Node {
        var tree = tree
        for entry in include.sequence.map(Array.init) ?? [include] {
            let at = CatalogDiagnostic(file: file, line: entry.mark?.line ?? 1, column: entry.mark?.column ?? 1, path: "include", message: "")
            guard depth < Self.maxIncludeDepth else {
                report.error(with(at, "include: more than \(Self.maxIncludeDepth) levels (an include that includes itself?)"))
                return tree
            }
            let paths = strings(entry.field("path") ?? entry)
            guard let firstPath = paths.first else {
                report.error(with(at, "include: expected a path or {path, project_directory, env_file}"))
                continue
            }
            let files = paths.map { ComposeProject.absolute($0, in: directory) }
            let projectDirectory = entry.field("project_directory")?.scalar.map { ComposeProject.absolute($0.string, in: directory) }
                ?? Path.parent(ComposeProject.absolute(firstPath, in: directory))
            var envFiles = strings(entry.field("env_file") ?? Node([Node]())).map { ComposeProject.absolute($0, in: directory) }
            if envFiles.isEmpty { envFiles = [projectDirectory + "/.env"].filter { FileManager.default.fileExists(atPath: $0) } }
            let own = ComposeProject.environment([:], files: envFiles, report: report)
            let included: (String) -> String? = { lookup($0) ?? own($0) }
            for path in files {
                guard let child = read(path, projectDirectory: projectDirectory, lookup: included, includeDepth: depth + 1) else { continue }
                tree = add(child, to: tree, from: path, at: at)
            }
        }
        return tree
    }

    /// An included model's services, volumes, networks… join the including one; a name defined
    /// in both is an error, as in compose.
    private func add(_ child: Node, to tree: Node, from path: String, at: CatalogDiagnostic) -> Node {
        var tree = tree
        for section in ["services", "volumes", "networks", "secrets", "configs"] {
            guard let incoming = child.mapping?[section]?.mapping else { continue }
            var pairs = (tree.field(section)?.mapping).map { $0.map { ($0.0, $0.1) } } ?? []
            for (key, value) in incoming {
                if pairs.contains(where: { $0.0.scalar?.string == key.scalar?.string }) {
                    if section == "services" { report.error(with(at, "include: service '\(key.scalar?.string ?? "")' of \(path) is also defined here")) }
                    continue
                }
                pairs.append((key, value))
            }
            tree = ComposeMerge.setting(section, to: Node(pairs), in: tree)
        }
        return tree
    }

    /// `env_file:` (a path, a list, or `{path, required}` items) folded under `environment`;
    /// the service's own `environment` wins, as in compose.
    private func foldEnvFiles(_ tree: Node, file: String, directory: String, lookup: @escaping (String) -> String?) -> Node {
        guard let services = tree.field("services")?.mapping else { return tree }
        var changed = false
        let pairs: [(Node, Node)] = services.map { name, service in
            guard let envFile = service.field("env_file") else { return (name, service) }
            changed = true
            var values: [(Node, Node)] = []
            for item in envFile.sequence.map(Array.init) ?? [envFile] {
                guard let path = (item.field("path") ?? item).scalar?.string else { continue }
                let required = item.field("required")?.scalar.map { !["false", "no", "off"].contains($0.string.lowercased()) } ?? true
                let full = ComposeProject.absolute(path, in: directory)
                guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
                    if required {
                        report.error(CatalogDiagnostic(
                            file: file, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1, path: "",
                            message: "env_file '\(path)' not found (add required: false if it is optional)"))
                    }
                    continue
                }
                do throws(CatalogDiagnostic) {
                    for (key, value) in try DotEnv.parse(text, file: full, lookup: lookup) {
                        let escaped = String(value.flatMap { $0 == "$" ? ["$", "$"] : [$0] })
                        values.append((Node(key), .scalar(Node.Scalar(escaped, .implicit, .doubleQuoted, item.mark))))
                    }
                } catch {
                    report.error(error)
                }
            }
            var service = ComposeMerge.removing("env_file", from: service)
            let own = service.field("environment").map(ComposeMerge.asMapping) ?? Node([(Node, Node)]())
            service = ComposeMerge.setting("environment", to: ComposeMerge.merge(Node(values), own), in: service)
            return (name, service)
        }
        return changed ? ComposeMerge.setting("services", to: .mapping(Node.Mapping(pairs, services.tag, services.style, services.mark)), in: tree) : tree
    }

    private func strings(_ node: Node) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        return node.sequence?.compactMap { $0.scalar?.string } ?? []
    }

    private func with(_ at: CatalogDiagnostic, _ message: String) -> CatalogDiagnostic {
        var diagnostic = at
        diagnostic.message = message
        return diagnostic
    }
}
