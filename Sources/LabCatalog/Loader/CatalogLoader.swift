#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabYAML

/// Loads a compose file with `x-ailab` fields into a validated `Catalog`.
public enum CatalogLoader {
    static let topLevelNotApplied: Set<String> = ["networks", "secrets", "models"]

    /// One file's text, with no environment: the built-in catalog and tests. Files on disk go
    /// through `ComposeProject`, which adds `.env`, several files, include, extends and profiles.
    /// `directory` is where relative paths of the file start (its `configs` files); the file's
    /// own directory by default.
    public static func load(
        yaml: String, file: String, environment: [String: String] = [:], directory: String? = nil
    ) throws(CatalogError) -> Catalog {
        let report = LoadReport()
        var root: Node?
        report.attempt { () throws(CatalogDiagnostic) in root = try tree(yaml, file: file, lookup: { environment[$0] }, report: report) }
        guard let root else { throw CatalogError(diagnostics: report.sortedErrors()) }
        let name = root.field("name")?.scalar?.string ?? "ailab"
        return try build(root, file: file, projectName: name, directory: directory, report: report)
    }

    static let domainVariable = "AILAB_DOMAIN"
    static let defaultDomain = "localhost"

    /// Parses, bounds and interpolates one file; unset variables become warnings.
    static func tree(
        _ yaml: String, file: String, lookup: @escaping (String) -> String?, report: LoadReport
    ) throws(CatalogDiagnostic) -> Node {
        var bounded = ComposeTree(file: file)
        let resolved = try bounded.resolve(try compose(yaml, file: file).node)
        // The lab's domain (`x-ailab.domain`) is `${AILAB_DOMAIN}` in the file unless the
        // environment names another: Traefik's host rules are written with it.
        let domain = resolved.field("x-ailab")?.field("domain")?.scalar?.string ?? Self.defaultDomain
        let lookup = { (name: String) in lookup(name) ?? (name == Self.domainVariable ? domain : nil) }
        var interpolator = TreeInterpolator(file: file, secrets: TreeInterpolator.secretNames(in: resolved), lookup: lookup)
        let result = interpolator.interpolate(resolved)
        for error in interpolator.errors { report.valueError(error) }
        for (name, at) in interpolator.unset {
            var warning = at
            warning.message = "the \(name) variable is not set: using an empty string"
            report.warn(warning)
        }
        return result
    }

    /// The lab from a resolved compose tree: every error of every service reported at once.
    static func build(
        _ rootNode: Node, file: String, projectName name: String, serviceFiles: [String: String] = [:], directory: String? = nil,
        report: LoadReport
    ) throws(CatalogError) -> Catalog {
        let root = YAMLValue(node: rootNode, path: "", file: file)
        var catalog = Catalog(name: name, title: "Local AI Lab", services: [], source: file)
        var parsed: [ParsedComponent] = []
        report.attempt { () throws(CatalogDiagnostic) in
            guard isProjectName(name) else {
                let at = rootNode.field("name").map { root.child($0, "name") } ?? root
                throw at.diagnostic("'\(name)' is not a compose project name (lowercase letters, digits, - and _)")
            }
        }
        report.attempt { () throws(CatalogDiagnostic) in
            var keys = try KeyReader(root)
            _ = keys.take("name")
            if let version = keys.take("version") { report.warn(version.diagnostic("'version' is obsolete in compose files; ignored")) }
            let servicesNode = try keys.require("services")
            var configs: [String: String]? = nil
            report.attempt { () throws(CatalogDiagnostic) in
                let base = directory ?? URL(fileURLWithPath: file).deletingLastPathComponent().path
                configs = try keys.take("configs").map { v throws(CatalogDiagnostic) in try ConfigParser.table(v, directory: base) } ?? [:]
            }
            for (serviceName, value) in try servicesNode.entries() {
                let located = YAMLValue(node: value.node, path: value.path, file: serviceFiles[serviceName] ?? file)
                report.attempt { () throws(CatalogDiagnostic) in
                    parsed.append(try ComponentParser.parse(name: serviceName, located, report: report, files: serviceFiles, configs: configs))
                }
            }
            var declared: [String: (name: String?, external: Bool)] = [:]
            report.attempt { () throws(CatalogDiagnostic) in
                let entries = try keys.take("volumes")?.entries() ?? []
                for (key, value) in entries where !value.isNull { declared[key] = try TopLevelVolumes.read(key, value) }
            }
            report.attempt { () throws(CatalogDiagnostic) in
                catalog.services = try ServiceGrouper.group(parsed).map { TopLevelVolumes.naming($0, volumes: declared) }
            }
            if let lab = keys.take("x-ailab") {
                report.attempt { () throws(CatalogDiagnostic) in
                    var labKeys = try KeyReader(lab)
                    if let title = labKeys.take("title") { catalog.title = try title.string() }
                    if let domain = labKeys.take("domain") {
                        let name = try domain.string()
                        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
                            throw domain.diagnostic("'\(name)' is not a domain name (letters, digits, - and .)")
                        }
                    }
                    if let roadmap = labKeys.take("roadmap") { catalog.roadmap = try RoadmapParser.parse(roadmap, catalog: catalog) }
                    for (key, at) in labKeys.leftovers { report.warn(at.diagnostic("unknown x-ailab key '\(key)' (title, domain, roadmap)")) }
                }
            }
            if let networks = keys.take("networks") {
                report.attempt { () throws(CatalogDiagnostic) in
                    for (key, value) in try networks.entries() {
                        guard key == "default" else {
                            report.warn(value.diagnostic("network '\(key)' is not applied: ailab puts every service on the project's one network"))
                            continue
                        }
                        if !value.isNull {
                            let (name, external) = try TopLevelVolumes.read(key, value)  // the same name/external keys
                            catalog.defaultNetwork = DeclaredNetwork(name: name, external: external)
                        }
                    }
                }
            }
            for (key, at) in keys.leftovers where !key.hasPrefix("x-") {
                let note = topLevelNotApplied.contains(key) ? "is valid compose but ailab does not apply it" : "is not a compose key"
                report.warn(at.diagnostic("top-level '\(key)' \(note)"))
            }
        }
        for warning in CatalogValidator.portClashes(catalog, services: parsed) { report.warn(warning) }
        report.attempt { () throws(CatalogDiagnostic) in try CatalogValidator.checkCycles(catalog, parsed: parsed) }
        guard report.errors.isEmpty else { throw CatalogError(diagnostics: report.sortedErrors()) }
        catalog.warnings = report.sortedWarnings()
        return catalog
    }

    static func compose(_ yaml: String, file: String) throws(CatalogDiagnostic) -> YAMLValue {
        let node: Node?
        do {
            node = try YAMLReader.compose(yaml)
        } catch {
            throw CatalogDiagnostic(file: file, line: error.line, column: error.column, path: "", message: "YAML syntax: \(error.problem)")
        }
        guard let node else { throw CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "the file is empty") }
        return YAMLValue(node: node, path: "", file: file)
    }

    static func isProjectName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" || $0 == "_" }
            && name.first.map { $0.isLetter || $0.isNumber } == true
    }
}
