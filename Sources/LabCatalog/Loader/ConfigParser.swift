#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Compose's `configs`: the top-level table (`name: {file: path}` or `name: {content: text}`)
/// and a service's list of them (`- name`, or `- {source: name, target: /path}`).
enum ConfigParser {
    /// The built-in catalog's own config files (compiled in): where a relative file that is not
    /// beside a catalog is looked for next, so a copy of the built-in catalog (a user's own
    /// lab.yaml started from it) keeps working without copying config/ along.
    static func shipped(_ relative: String) -> String? {
        BuiltInFiles.files[relative.split(separator: "/").filter { $0 != "." }.joined(separator: "/")]
    }

    /// The top-level table, each file read now (relative to `directory`, the catalog's own).
    static func table(_ value: YAMLValue, directory: String) throws(CatalogDiagnostic) -> [String: String] {
        var contents: [String: String] = [:]
        for (name, entry) in try value.entries() {
            var keys = try KeyReader(entry)
            if let file = keys.take("file") {
                let relative = try file.string()
                let path = relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).standardizedFileURL.path
                // The built-in catalog reads only its own compiled-in files, never the working directory's.
                let onDisk = directory == BuiltInFiles.directory ? nil : FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                guard let text = onDisk ?? (relative.hasPrefix("/") ? nil : shipped(relative)) else {
                    throw file.diagnostic("config '\(name)': no readable file at \(path)")
                }
                contents[name] = text
            } else if let content = keys.take("content") {
                contents[name] = try content.string()
            } else {
                throw entry.diagnostic("config '\(name)' needs a file or a content")
            }
            if let (key, at) = keys.leftovers.first { throw at.diagnostic("config '\(name)': '\(key)' is not applied (file, content)") }
        }
        return contents
    }

    /// A service's `configs`, looked up in the top-level table.
    static func mounts(_ value: YAMLValue, table: [String: String]) throws(CatalogDiagnostic) -> [ConfigFile] {
        var result: [ConfigFile] = []
        for item in try value.items() {
            let name: String
            var target: String?
            let at: YAMLValue
            if case .mapping = item.node {
                var keys = try KeyReader(item)
                at = try keys.require("source")
                name = try at.string()
                target = try keys.take("target")?.string()
                _ = keys.take("mode")  // the file is written 0644 and mounted read-only
                if let (key, where_) = keys.leftovers.first { throw where_.diagnostic("unknown config key '\(key)' (source, target, mode)") }
            } else {
                at = item
                name = try item.string()
            }
            guard let content = table[name] else { throw at.diagnostic("config '\(name)' is not in the top-level configs") }
            let path = target ?? "/\(name)"
            guard path.hasPrefix("/") else { throw at.diagnostic("a config target must be an absolute path") }
            result.append(ConfigFile(name: name, target: path, content: content))
        }
        return result
    }
}
