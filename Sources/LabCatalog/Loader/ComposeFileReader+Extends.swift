#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabYAML

extension ComposeFileReader {
    /// Every service's `extends:` (`NAME`, `{service}` or `{service, file}`) replaced by the base
    /// service merged under it, as compose-spec extends.md says: the extending service wins.
    mutating func applyExtends(_ root: Node, file: String, lookup: @escaping (String) -> String?) -> Node {
        guard let services = root.field("services")?.mapping else { return root }
        var resolved: [(Node, Node)] = []
        for (name, service) in services {
            resolved.append((name, extended(service, name: name.scalar?.string ?? "", in: services, file: file, lookup: lookup, seen: [])))
        }
        return ComposeMerge.setting("services", to: .mapping(Node.Mapping(resolved, services.tag, services.style, services.mark)), in: root)
    }

    private mutating func extended(
        _ service: Node, name: String, in services: Node.Mapping, file: String, lookup: @escaping (String) -> String?, seen: [String]
    ) -> Node {
        guard let extends = service.field("extends") else { return service }
        let at = CatalogDiagnostic(
            file: file, line: extends.mark?.line ?? 1, column: extends.mark?.column ?? 1, path: "services.\(name).extends", message: "")
        let baseName = (extends.field("service") ?? extends).scalar?.string ?? ""
        let key = "\(file)#\(baseName)"
        guard !seen.contains(key), seen.count < 16 else {
            report.error(message(at, "extends: a cycle (\((seen + [key]).joined(separator: " → ")))"))
            return ComposeMerge.removing("extends", from: service)
        }
        var baseFile = file
        var baseServices = services
        if let other = extends.field("file")?.scalar?.string {
            baseFile = ComposeProject.absolute(other, in: Path.parent(file))
            guard let tree = read(baseFile, lookup: lookup, includeDepth: Self.maxIncludeDepth - 1),
                let otherServices = tree.field("services")?.mapping
            else {
                report.error(message(at, "extends: cannot read '\(other)'"))
                return ComposeMerge.removing("extends", from: service)
            }
            baseServices = otherServices
        }
        guard let base = Node.mapping(baseServices).field(baseName) else {
            report.error(message(at, "extends: no service '\(baseName)' in \(baseFile == file ? "this file" : baseFile)"))
            return ComposeMerge.removing("extends", from: service)
        }
        // The base is resolved first (it may extend another), and never brings its dependencies.
        var resolvedBase = extended(base, name: baseName, in: baseServices, file: baseFile, lookup: lookup, seen: seen + [key])
        resolvedBase = ComposeMerge.removing("depends_on", from: resolvedBase)
        return ComposeMerge.merge(resolvedBase, ComposeMerge.removing("extends", from: service))
    }

    private func message(_ at: CatalogDiagnostic, _ text: String) -> CatalogDiagnostic {
        var diagnostic = at
        diagnostic.message = text
        return diagnostic
    }
}
