import Canvas
import LabControl

/// What a key asks for.
public enum Command: Sendable, Equatable {
    case quit, help, nextScreen, previousScreen, goTo(Screen)
    case up, down, left, right, pageUp, pageDown, top, bottom
    case detail, logs, close, filter, sortNext, sortReverse
    case searchLogs, nextMatch, previousMatch, follow
    case runChecks, toggleMark, toggleGrouping
    case act(ActionKind), purge, cancelAction, showActionLog
    case palette, inspect, shell
    case toggleWrap, toggleTimestamps, nextLogWindow, saveLogs
    case expose, unexpose
}

/// Where a binding applies.
public enum KeyScope: String, Sendable, CaseIterable {
    case everywhere = "Everywhere"
    case lists = "Lists and layers"
    case services = "Services screen"
    case actions = "Actions (on the selected service)"
    case roadmap = "Roadmap screen"
    case logs = "Logs"
    case exposure = "Exposure screen"
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var command: Command
    public var help: String
    public var scope: KeyScope
}

/// The one table of default key bindings: with a key-map file applied (`KeyTable`), it drives
/// key handling and the help overlay; the README lists the defaults.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("q")], label: "q", command: .quit, help: "quit (Ctrl-C too)", scope: .everywhere),
        KeyBinding(keys: [.char("?")], label: "?", command: .help, help: "this help", scope: .everywhere),
        KeyBinding(keys: [.tab], label: "Tab", command: .nextScreen, help: "next screen", scope: .everywhere),
        KeyBinding(keys: [.backTab], label: "Shift-Tab", command: .previousScreen, help: "previous screen", scope: .everywhere),
        KeyBinding(keys: [.char("1")], label: "1", command: .goTo(.layers), help: "Layers", scope: .everywhere),
        KeyBinding(keys: [.char("2")], label: "2", command: .goTo(.services), help: "Services", scope: .everywhere),
        KeyBinding(keys: [.char("3")], label: "3", command: .goTo(.ports), help: "Ports", scope: .everywhere),
        KeyBinding(keys: [.char("4")], label: "4", command: .goTo(.roadmap), help: "Roadmap", scope: .everywhere),
        KeyBinding(keys: [.char("5")], label: "5", command: .goTo(.events), help: "Events", scope: .everywhere),
        KeyBinding(keys: [.char("6")], label: "6", command: .goTo(.exposure), help: "Exposure", scope: .everywhere),
        KeyBinding(keys: [.char("7")], label: "7", command: .goTo(.map), help: "Map", scope: .everywhere),
        KeyBinding(keys: [.char("8")], label: "8", command: .goTo(.containers), help: "Containers (every container of the engine)", scope: .everywhere),
        KeyBinding(keys: [.escape], label: "Esc", command: .close, help: "close, or clear the filter", scope: .everywhere),
        KeyBinding(keys: [.char(":")], label: ":", command: .palette, help: "command palette (:restart litellm, :logs qdrant; Tab completes)", scope: .everywhere),
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, help: "move up", scope: .lists),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, help: "move down", scope: .lists),
        KeyBinding(keys: [.left, .char("h")], label: "← h", command: .left, help: "left (Layers)", scope: .lists),
        KeyBinding(keys: [.right], label: "→", command: .right, help: "right (Layers)", scope: .lists),
        KeyBinding(keys: [.pageUp], label: "PgUp", command: .pageUp, help: "page up", scope: .lists),
        KeyBinding(keys: [.pageDown], label: "PgDn", command: .pageDown, help: "page down", scope: .lists),
        KeyBinding(keys: [.home, .char("g")], label: "Home g", command: .top, help: "first", scope: .lists),
        KeyBinding(keys: [.end, .char("G")], label: "End G", command: .bottom, help: "last", scope: .lists),
        KeyBinding(keys: [.enter], label: "Enter", command: .detail, help: "service details", scope: .lists),
        KeyBinding(keys: [.char("l")], label: "l", command: .logs, help: "service logs", scope: .lists),
        KeyBinding(keys: [.char("I")], label: "I", command: .inspect, help: "inspect its container (Tab: the next one; / n N search)", scope: .lists),
        KeyBinding(keys: [.char("/")], label: "/", command: .filter, help: "filter (Enter keeps)", scope: .lists),
        KeyBinding(keys: [.char("i")], label: "i", command: .act(.install), help: "install (with what it needs; shows the plan first)", scope: .actions),
        KeyBinding(keys: [.char("s")], label: "s", command: .act(.start), help: "start (stopped dependencies first)", scope: .actions),
        KeyBinding(keys: [.char("x")], label: "x", command: .act(.stop), help: "stop (asks if others need it)", scope: .actions),
        KeyBinding(keys: [.char("r")], label: "r", command: .act(.restart), help: "restart", scope: .actions),
        KeyBinding(keys: [.char("D")], label: "D", command: .act(.remove), help: "remove its containers (asks; volumes kept)", scope: .actions),
        KeyBinding(keys: [.char("P")], label: "P", command: .purge, help: "remove and delete its volumes (asks twice)", scope: .actions),
        KeyBinding(keys: [.char("C")], label: "C", command: .cancelAction, help: "cancel the running action (a pull stops at once)", scope: .actions),
        KeyBinding(keys: [.char("a")], label: "a", command: .showActionLog, help: "the action log", scope: .actions),
        KeyBinding(keys: [.char("e")], label: "e", command: .shell, help: "shell in its container (bash, else sh; exit returns)", scope: .actions),
        KeyBinding(keys: [.char("o")], label: "o", command: .sortNext, help: "sort by next column", scope: .services),
        KeyBinding(keys: [.char("O")], label: "O", command: .sortReverse, help: "reverse the sort", scope: .services),
        KeyBinding(keys: [.char("c")], label: "c", command: .runChecks, help: "run the metric checks now", scope: .roadmap),
        KeyBinding(keys: [.char("m")], label: "m", command: .toggleMark, help: "mark / unmark a manual metric", scope: .roadmap),
        KeyBinding(keys: [.char("p")], label: "p", command: .toggleGrouping, help: "group by phase or priority", scope: .roadmap),
        KeyBinding(keys: [.char("/")], label: "/", command: .searchLogs, help: "search the logs", scope: .logs),
        KeyBinding(keys: [.char("n")], label: "n", command: .nextMatch, help: "next match (older)", scope: .logs),
        KeyBinding(keys: [.char("N")], label: "N", command: .previousMatch, help: "previous match (newer)", scope: .logs),
        KeyBinding(keys: [.char("f")], label: "f", command: .follow, help: "follow new output again", scope: .logs),
        KeyBinding(keys: [.char("w")], label: "w", command: .toggleWrap, help: "wrap long lines on/off", scope: .logs),
        KeyBinding(keys: [.char("t")], label: "t", command: .toggleTimestamps, help: "timestamps on/off", scope: .logs),
        KeyBinding(keys: [.char("s")], label: "s", command: .nextLogWindow, help: "since: last 300 lines, 5m, 1h, all", scope: .logs),
        KeyBinding(keys: [.char("W")], label: "W", command: .saveLogs, help: "save what is shown to a file", scope: .logs),
        KeyBinding(keys: [.up, .char("k"), .down, .char("j"), .pageUp, .pageDown, .home, .char("g"), .end, .char("G")],
                   label: "↑↓ PgUp/Dn", command: .up, help: "scroll (g G: ends)", scope: .logs),
        KeyBinding(keys: [.char("E")], label: "E", command: .expose, help: "expose the service: Traefik route with basic auth, and a tunnel (asks)", scope: .exposure),
        KeyBinding(keys: [.char("U")], label: "U", command: .unexpose, help: "take the exposure back (the files as they were)", scope: .exposure),
    ]

    /// The key list as Markdown, for the README (a test keeps the README's copy current).
    public static var markdown: String { KeyTable.defaults.markdown }
}
