import Foundation
import Yams

/// Loads a compose file with `x-ailab` fields into a validated `Catalog`.
public enum CatalogLoader {
    static let topLevelNotApplied: Set<String> = ["networks", "secrets", "include", "models"]

    /// `directory` is where relative paths of the file start (its `configs` files); the
    /// file's own directory by default.
    public static func load(yaml: String, file: String, directory: String? = nil) throws(CatalogError) -> Catalog {
        var warnings: [CatalogDiagnostic] = []
        do throws(CatalogDiagnostic) {
            let root = try compose(yaml, file: file)
            var keys = try KeyReader(root)
            let name = try keys.take("name")?.string() ?? "ailab"
            guard isProjectName(name) else {
                throw root.child(root.node, "name").diagnostic("'\(name)' is not a compose project name (lowercase letters, digits, - and _)")
            }
            if let version = keys.take("version") { warnings.append(version.diagnostic("'version' is obsolete in compose files; ignored")) }
            let servicesNode = try keys.require("services")
            let base = directory ?? URL(fileURLWithPath: file).deletingLastPathComponent().path
            let configs = try keys.take("configs").map { v throws(CatalogDiagnostic) in try ConfigParser.table(v, directory: base) } ?? [:]
            var parsed: [ParsedComponent] = []
            for (serviceName, value) in try servicesNode.entries() {
                parsed.append(try ComponentParser.parse(name: serviceName, value, configs: configs, warnings: &warnings))
            }
            let volumes = try keys.take("volumes").map { v throws(CatalogDiagnostic) in try v.entries().map(\.key) } ?? []
            var catalog = Catalog(
                name: name, title: "Local AI Lab", services: try ServiceGrouper.group(parsed), volumes: volumes, source: file)
            if let lab = keys.take("x-ailab") {
                var labKeys = try KeyReader(lab)
                if let title = labKeys.take("title") { catalog.title = try title.string() }
                if let roadmap = labKeys.take("roadmap") { catalog.roadmap = try RoadmapParser.parse(roadmap, catalog: catalog) }
                for (key, at) in labKeys.leftovers { warnings.append(at.diagnostic("unknown x-ailab key '\(key)' (title, roadmap)")) }
            }
            for (key, at) in keys.leftovers where !key.hasPrefix("x-") {
                let note = topLevelNotApplied.contains(key) ? "is valid compose but ailab does not apply it" : "is not a compose key"
                warnings.append(at.diagnostic("top-level '\(key)' \(note)"))
            }
            warnings += CatalogValidator.portClashes(catalog, services: parsed)
            try CatalogValidator.checkCycles(catalog, parsed: parsed)
            catalog.warnings = warnings
            return catalog
        } catch {
            throw CatalogError(diagnostics: [error])
        }
    }

    static func compose(_ yaml: String, file: String) throws(CatalogDiagnostic) -> YAMLValue {
        let node: Node?
        do {
            // The basic resolver: no regex per scalar to guess its type; the loader reads every value itself.
            node = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw diagnostic(from: error, file: file)
        } catch {
            throw CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "not YAML: \(error)")
        }
        guard let node else { throw CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "the file is empty") }
        return YAMLValue(node: node, path: "", file: file)
    }

    private static func diagnostic(from error: YamlError, file: String) -> CatalogDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return CatalogDiagnostic(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax: \(problem)")
        case .reader(let problem, _, let offset, _):
            return CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "unreadable at byte \(offset): \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return CatalogDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column, path: "",
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return CatalogDiagnostic(file: file, line: 1, column: 1, path: "", message: "YAML: \(error)")
        }
    }

    static func isProjectName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" || $0 == "_" }
            && name.first.map { $0.isLetter || $0.isNumber } == true
    }
}
