import Canvas
import Console
import Testing

/// The key-map file: rebinding, and every kind of mistake refused with its file and line.
@Suite struct KeyMapFileTests {
    func parse(_ text: String) -> Result<KeyTable, KeyMapErrors> { KeyMapFile.parse(text, path: "/home/me/.config/ailab/keys") }

    func problems(_ text: String) -> [String] {
        guard case .failure(let errors) = parse(text) else { return [] }
        return errors.problems.map(\.description)
    }

    @Test func theDefaultsHaveNoConflictAndEveryActionHasAName() throws {
        #expect(KeyMapFile.conflicts(.defaults, path: "x", lines: [:]).isEmpty)
        let names = KeyMapFile.actionNames()
        #expect(names.count == Set(names).count)
        #expect(names.contains("quit") && names.contains("shell") && names.contains("screen-map"))
        // An empty file (only comments and blanks) is the defaults.
        let table = try parse("# nothing here\n\n   \n").get()
        #expect(table.markdown == KeyMap.markdown)
    }

    @Test func aRebindingMovesTheActionToItsKeysAndFreesTheOld() throws {
        let table = try parse("# mine\nquit = Q\nstop = X, Ctrl-x\n").get()
        #expect(table.command(for: .char("Q"), in: .lists) == .quit)
        #expect(table.command(for: .char("q"), in: .lists) == nil)
        #expect(table.command(for: .ctrl("x"), in: .services) == .act(.stop))
        #expect(table.command(for: .char("x"), in: .services) == nil)
        #expect(table.bindings.first { $0.command == .quit }?.label == "Q")
        #expect(table.markdown.contains("| `Q` | quit (Ctrl-C too) |"))
        #expect(table.markdown.contains("| `X Ctrl-x` | stop (asks if others need it) |"))
    }

    @Test func keyNamesReadBackToTheSameKeys() {
        for key: Key in [.char("q"), .char("G"), .char("?"), .ctrl("x"), .function(5), .up, .pageDown, .enter, .escape, .tab, .backTab, .char(" "), .char(",")] {
            #expect(KeyNames.key(KeyNames.name(key)) == key)
        }
        #expect(KeyNames.key("enter") == .enter)
        #expect(KeyNames.key("Ctrl-1") == nil)
        #expect(KeyNames.key("F13") == nil)
        #expect(KeyNames.key("qq") == nil)
    }

    @Test func theLogScrollFollowsTheListMovementKeys() throws {
        let table = try parse("down = J\n").get()
        #expect(table.command(for: .char("J"), in: .logs) == .down)
        #expect(table.command(for: .char("j"), in: .logs) == nil)
        #expect(table.command(for: .char("k"), in: .logs) == .up)
        #expect(KeyTable.defaults.command(for: .char("G"), in: .logs) == .bottom)
        #expect(KeyTable.defaults.command(for: .home, in: .logs) == .top)
    }

    @Test func anUnknownActionIsNamedWithItsLine() {
        let found = problems("quit = Q\n\nexplode = z\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("/home/me/.config/ailab/keys:3: unknown action 'explode'") == true)
    }

    @Test func anUnknownKeyNameIsNamedWithItsLine() {
        #expect(problems("# c\nquit = Hyper-q\n").first?.hasPrefix("/home/me/.config/ailab/keys:2: unknown key 'Hyper-q' for quit") == true)
        #expect(problems("quit = Q,\n").first == "/home/me/.config/ailab/keys:1: an empty key name for quit")
        #expect(problems("quit = Ctrl-c\n").first == "/home/me/.config/ailab/keys:1: Ctrl-c always quits; it cannot be bound to quit")
        #expect(problems("quit =\n") == ["/home/me/.config/ailab/keys:1: no key given for quit (every action keeps at least one key)"])
    }

    @Test func aLineWithoutEqualsIsRefused() {
        #expect(problems("quit Q\n").first == "/home/me/.config/ailab/keys:1: expected `action = key[, key]`, got 'quit Q'")
    }

    @Test func anActionGivenTwiceIsRefusedAtTheSecondLine() {
        #expect(problems("quit = Q\nhelp = H\nquit = Z\n") == ["/home/me/.config/ailab/keys:3: quit is bound again (first at line 1)"])
    }

    @Test func twoActionsOnOneKeyAreRefusedAtTheLineThatDidIt() {
        // x stops a service (Actions), and quit answers everywhere: both could answer x.
        #expect(problems("help = H\nquit = x\n") == ["/home/me/.config/ailab/keys:2: x is bound to both quit and stop; one key, one action"])
        // Two lines of the file on one key: the later line is the one named.
        #expect(problems("install = Z\nstart = Z\n") == ["/home/me/.config/ailab/keys:2: Z is bound to both install and start; one key, one action"])
        // The same key in scopes that never meet is fine: s starts in lists and sets "since" in Logs.
        #expect((try? parse("log-since = S\nsave-logs = s\n").get()) != nil)
        // Moving stop away too makes quit = x fine.
        #expect((try? parse("quit = x\nstop = X\n").get()) != nil)
    }

    @Test func everyProblemIsListedInLineOrder() {
        let found = problems("bogus = 1\nquit = Nope\nquit Q\n")
        #expect(found.map { $0.split(separator: ":")[1] } == ["1", "2", "3"])
    }
}
