
/// The command palette (`:`), as k9s has it: every screen and action by name, with completion.
/// `:restart litellm`, `:logs qd` (a unique prefix is enough), `:services`, `:quit`.
public enum Palette {
    /// What a palette word does; service verbs take a service name after them.
    enum Verb: Equatable {
        case screen(Screen)
        case command(Command)
        case onService(Command)
    }

    static let verbs: [(name: String, verb: Verb)] = Screen.allCases.map { ($0.title.lowercased(), Verb.screen($0)) } + [
        ("help", .command(.help)), ("quit", .command(.quit)), ("actions", .command(.showActionLog)),
        ("check", .command(.runChecks)), ("cancel", .command(.cancelAction)),
        ("logs", .onService(.logs)), ("detail", .onService(.detail)), ("inspect", .onService(.inspect)), ("shell", .onService(.shell)), ("install", .onService(.act(.install))),
        ("start", .onService(.act(.start))), ("stop", .onService(.act(.stop))), ("restart", .onService(.act(.restart))),
        ("remove", .onService(.act(.remove))), ("purge", .onService(.purge)),
    ]

    public enum Outcome: Equatable {
        case run(Command, service: String?)
        case problem(String)
    }

    /// What the typed line asks for, or why it cannot be done.
    public static func parse(_ line: String, services: [String]) -> Outcome {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return .problem("type a screen or an action, Tab completes") }
        let verbs = matches(first, in: verbs.map(\.name))
        guard verbs.count == 1, let verb = Self.verbs.first(where: { $0.name == verbs[0] })?.verb else {
            return .problem(verbs.isEmpty ? "no command '\(first)' (:help lists the keys)" : "'\(first)' could be \(verbs.joined(separator: ", "))")
        }
        switch verb {
        case .screen(let screen): return words.count == 1 ? .run(.goTo(screen), service: nil) : .problem("\(verbs[0]) takes no service")
        case .command(let command): return words.count == 1 ? .run(command, service: nil) : .problem("\(verbs[0]) takes no service")
        case .onService(let command):
            guard words.count == 2 else { return .problem("\(verbs[0]) which service? (:\(verbs[0]) NAME)") }
            let names = matches(words[1], in: services)
            guard names.count == 1 else {
                return .problem(names.isEmpty ? "no service '\(words[1])'" : "'\(words[1])' could be \(names.prefix(5).joined(separator: ", "))")
            }
            return .run(command, service: names[0])
        }
    }

    /// The line with its last word completed as far as the candidates agree, and the candidates.
    public static func complete(_ line: String, services: [String]) -> (line: String, candidates: [String]) {
        let endsWithSpace = line.hasSuffix(" ")
        var words = line.split(separator: " ").map(String.init)
        let typing = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let pool: [String]
        if words.isEmpty {
            pool = verbs.map(\.name)
        } else if words.count == 1, let verb = verbs.first(where: { $0.name == words[0] })?.verb, case .onService = verb {
            pool = services
        } else {
            return (line, [])
        }
        let candidates = matches(typing, in: pool)
        guard !candidates.isEmpty else { return (line, []) }
        let completed = candidates.count == 1 ? candidates[0] + " " : commonPrefix(candidates)
        return ((words + [completed]).joined(separator: " ").replacing("  ", with: " "), candidates)
    }

    /// An exact name wins over the names it is a prefix of (`stop` before `stop-watch`).
    static func matches(_ typed: String, in names: [String]) -> [String] {
        let lower = typed.lowercased()
        if names.contains(lower) { return [lower] }
        return names.filter { $0.hasPrefix(lower) }
    }

    static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first else { return "" }
        for name in names.dropFirst() {
            while !name.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
