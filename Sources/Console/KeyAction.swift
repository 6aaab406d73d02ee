
/// The names bindings have in the key-map file (`quit = x`): one per command and scope.
public enum KeyAction {
    /// The binding's name; nil for the Logs scroll row, which follows the list movement keys.
    public static func name(of binding: KeyBinding) -> String? {
        if binding.scope == .logs, binding.command == .up { return nil }
        return name(of: binding.command)
    }

    static func name(of command: Command) -> String {
        switch command {
        case .quit: return "quit"
        case .help: return "help"
        case .nextScreen: return "next-screen"
        case .previousScreen: return "previous-screen"
        case .goTo(let screen): return "screen-\(screen.title.lowercased())"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "page-up"
        case .pageDown: return "page-down"
        case .top: return "top"
        case .bottom: return "bottom"
        case .detail: return "detail"
        case .logs: return "logs"
        case .close: return "close"
        case .filter: return "filter"
        case .sortNext: return "sort-next"
        case .sortReverse: return "sort-reverse"
        case .searchLogs: return "search-logs"
        case .nextMatch: return "next-match"
        case .previousMatch: return "previous-match"
        case .follow: return "follow"
        case .runChecks: return "run-checks"
        case .toggleMark: return "toggle-mark"
        case .toggleGrouping: return "toggle-grouping"
        case .act(let kind): return kind.rawValue
        case .purge: return "purge"
        case .cancelAction: return "cancel"
        case .showActionLog: return "action-log"
        case .palette: return "palette"
        case .inspect: return "inspect"
        case .shell: return "shell"
        case .toggleWrap: return "toggle-wrap"
        case .toggleTimestamps: return "toggle-timestamps"
        case .nextLogWindow: return "log-since"
        case .saveLogs: return "save-logs"
        case .expose: return "expose"
        case .unexpose: return "unexpose"
        }
    }
}
