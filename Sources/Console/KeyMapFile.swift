import Basics
import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The key-map file (`$XDG_CONFIG_HOME/ailab/keys`): one `action = key[, key]` per line, `#`
/// starts a comment line. Each line replaces the keys of one action (names: `KeyAction`; keys:
/// `KeyNames`). Parsed by hand: the format is small and its errors must name file and line.
public enum KeyMapFile {
    /// The table the file makes, or every problem in it (`file:line: message`), in line order.
    public static func parse(_ text: String, path: String, base: KeyTable = .defaults) -> Result<KeyTable, KeyMapErrors> {
        var table = base
        var problems: [KeyMapError] = []
        var seen: [Int: Int] = [:]  // binding index → the line that rebound it
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = raw.trimmed(of: [" ", "\t", "\r"])
            if content.isEmpty || content.hasPrefix("#") { continue }
            func problem(_ message: String) { problems.append(KeyMapError(path: path, line: line, message: message)) }
            guard let equals = content.firstIndex(of: "=") else {
                problem("expected `action = key[, key]`, got '\(content)'")
                continue
            }
            let action = content[..<equals].trimmed(of: [" ", "\t"])
            let indices = table.bindings.indices.filter { KeyAction.name(of: table.bindings[$0]) == action }
            guard !indices.isEmpty else {
                problem("unknown action '\(action)' (actions: \(actionNames(base).joined(separator: ", ")))")
                continue
            }
            let names = content[content.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmed(of: [" ", "\t"]) }
            if names == [""] {
                problem("no key given for \(action) (every action keeps at least one key)")
                continue
            }
            var keys: [Key] = []
            var bad = false
            for name in names {
                guard let key = KeyNames.key(name), key != .ctrl("c") else {
                    bad = true
                    problem(name.isEmpty ? "an empty key name for \(action)"
                        : KeyNames.key(name) == .ctrl("c") ? "Ctrl-c always quits; it cannot be bound to \(action)"
                        : "unknown key '\(name)' for \(action) (a character, Ctrl-a…Ctrl-z, F1…F12, or one of \(KeyNames.named.map(\.0).joined(separator: " ")))")
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if bad { continue }
            if let first = indices.compactMap({ seen[$0] }).first {
                problem("\(action) is bound again (first at line \(first))")
                continue
            }
            for index in indices {
                table.rebind(index, to: keys)
                seen[index] = line
            }
        }
        problems += conflicts(table, path: path, lines: seen)
        problems.sort { $0.line < $1.line }
        return problems.isEmpty ? .success(table) : .failure(KeyMapErrors(problems: problems))
    }

    /// Two actions on one key where both can answer it: refused, at the line that made it so.
    public static func conflicts(_ table: KeyTable, path: String, lines: [Int: Int]) -> [KeyMapError] {
        var found: [KeyMapError] = []
        let bindings = table.bindings
        for first in bindings.indices {
            for second in bindings.indices where second > first && KeyTable.overlap(bindings[first].scope, bindings[second].scope) {
                for key in bindings[first].keys where bindings[second].keys.contains(key) {
                    let line = max(lines[first] ?? 0, lines[second] ?? 0)
                    let names = [first, second].map { KeyAction.name(of: bindings[$0]) ?? "the Logs scroll keys" }
                    found.append(KeyMapError(path: path, line: line, message: "\(KeyNames.name(key)) is bound to both \(names[0]) and \(names[1]); one key, one action"))
                }
            }
        }
        return found
    }

    /// Every action name the file accepts, in table order.
    public static func actionNames(_ table: KeyTable = .defaults) -> [String] {
        var names: [String] = []
        for binding in table.bindings { if let name = KeyAction.name(of: binding), !names.contains(name) { names.append(name) } }
        return names
    }
}

/// One problem in the key-map file, as `file:line: message`.
public struct KeyMapError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}

/// Every problem in the file, one per line of the description.
public struct KeyMapErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [KeyMapError]

    init(problems: [KeyMapError]) { self.problems = problems }

    /// A problem with the file as a whole (it cannot be read, or is not text): no line to name.
    public init(file path: String, _ message: String) { problems = [KeyMapError(path: path, line: 0, message: message)] }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
