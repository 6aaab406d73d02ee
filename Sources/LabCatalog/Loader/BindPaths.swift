#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabYAML

/// Relative bind-mount sources made absolute at load, from the project directory, as compose
/// does (its `config` prints them absolute): a file included from another folder then mounts
/// its own `./volumes/…`, not the including project's.
enum BindPaths {
    static func absolute(_ tree: Node, from directory: String, home: String?) -> Node {
        guard let services = tree.field("services")?.mapping else { return tree }
        let pairs: [(Node, Node)] = services.map { name, service in
            guard case .sequence(let list)? = service.field("volumes") else { return (name, service) }
            let items = list.map { resolve($0, from: directory, home: home) }
            return (name, ComposeMerge.setting("volumes", to: .sequence(Node.Sequence(items, list.tag, list.style, list.mark)), in: service))
        }
        return ComposeMerge.setting("services", to: .mapping(Node.Mapping(pairs, services.tag, services.style, services.mark)), in: tree)
    }

    private static func resolve(_ item: Node, from directory: String, home: String?) -> Node {
        if case .mapping = item, let source = item.field("source")?.scalar, isRelative(source.string, home: home) {
            return ComposeMerge.setting("source", to: .scalar(source.replacing(absolute(source.string, from: directory, home: home))), in: item)
        }
        guard case .scalar(let scalar) = item else { return item }
        let text = scalar.string
        guard let colon = text.firstIndex(of: ":"), isRelative(String(text[..<colon]), home: home) else { return item }
        return .scalar(scalar.replacing(absolute(String(text[..<colon]), from: directory, home: home) + text[colon...]))
    }

    private static func isRelative(_ source: String, home: String?) -> Bool {
        source == "." || source == ".." || source.hasPrefix("./") || source.hasPrefix("../")
            || (home != nil && (source == "~" || source.hasPrefix("~/")))
    }

    /// `~` is the home directory (when known); anything else is taken from `directory`.
    private static func absolute(_ source: String, from directory: String, home: String?) -> String {
        if let home, source == "~" || source.hasPrefix("~/") { return home + source.dropFirst() }
        return URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
    }
}
