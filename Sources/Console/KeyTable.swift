import Canvas

/// The bindings in force: the defaults of `KeyMap`, with a person's key-map file applied.
/// Key handling, the help overlay and the README are all read from one of these.
public struct KeyTable: Sendable {
    public private(set) var bindings: [KeyBinding]

    public static let defaults = KeyTable(bindings: KeyMap.bindings)

    init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// Rows the help overlay lists: a heading per scope and a row per binding.
    public var helpLineCount: Int { KeyScope.allCases.count + bindings.count }

    /// The scopes a key is looked up in, first match wins, when `scope` is the one in front.
    static func lookup(_ scope: KeyScope) -> [KeyScope] {
        switch scope {
        case .services, .roadmap, .exposure: return [scope, .lists, .actions, .everywhere]
        case .lists: return [.lists, .actions, .everywhere]
        default: return [scope, .everywhere]
        }
    }

    /// Whether bindings of the two scopes can answer the same key press (one key there would
    /// be two actions, the second never reached).
    static func overlap(_ first: KeyScope, _ second: KeyScope) -> Bool {
        [KeyScope.lists, .services, .roadmap, .exposure, .logs].contains { lookup($0).contains(first) && lookup($0).contains(second) }
    }

    /// The command `key` means in `scope` (falling back to the bindings that apply everywhere).
    public func command(for key: Key, in scope: KeyScope) -> Command? {
        for wanted in Self.lookup(scope) {
            if let binding = bindings.first(where: { $0.scope == wanted && $0.keys.contains(key) }) {
                return scope == .logs && wanted == .logs ? logCommand(key, binding) : binding.command
            }
        }
        return nil
    }

    /// The Logs scroll row lists the list movement keys under one line of help; each key
    /// scrolls the way it moves in a list.
    private func logCommand(_ key: Key, _ binding: KeyBinding) -> Command {
        guard KeyAction.name(of: binding) == nil else { return binding.command }
        return bindings.first { $0.scope == .lists && Self.scrolls.contains($0.command) && $0.keys.contains(key) }?.command ?? binding.command
    }

    static let scrolls: [Command] = [.up, .down, .pageUp, .pageDown, .top, .bottom]

    /// Gives the binding named `action` these keys (and a label that names them); the Logs
    /// scroll row follows the list movement keys.
    mutating func rebind(_ index: Int, to keys: [Key]) {
        bindings[index].keys = keys
        bindings[index].label = keys.map(KeyNames.name).joined(separator: " ")
        let movement = bindings.filter { $0.scope == .lists && Self.scrolls.contains($0.command) }.flatMap(\.keys)
        if let scroll = bindings.firstIndex(where: { $0.scope == .logs && KeyAction.name(of: $0) == nil }), bindings[scroll].keys != movement {
            bindings[scroll].keys = movement
            bindings[scroll].label = "as in lists"
            bindings[scroll].help = "scroll (with the list movement keys)"
        }
    }

    /// A hint's keys written with the defaults' labels (`"i s x r"`, `"q"`), each replaced by
    /// the label its binding has now, so the footer shows the keys a key-map file chose.
    public func relabel(_ text: String, logs: Bool) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let candidates = KeyMap.bindings.indices.filter { KeyMap.bindings[$0].label == word }
            guard let index = candidates.first(where: { (KeyMap.bindings[$0].scope == .logs) == logs }) ?? candidates.first,
                  bindings[index].keys != KeyMap.bindings[index].keys else { return String(word) }
            return bindings[index].label
        }.joined(separator: " ")
    }

    /// The key list as Markdown, for the README (a test keeps the README's copy current).
    public var markdown: String {
        var lines = ["| Key | Does |", "|---|---|"]
        for scope in KeyScope.allCases {
            lines.append("| **\(scope.rawValue)** | |")
            for binding in bindings where binding.scope == scope {
                lines.append("| `\(binding.label)` | \(binding.help) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
