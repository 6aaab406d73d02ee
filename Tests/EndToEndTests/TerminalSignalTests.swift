import Foundation
import TestSupport
import Testing

/// The console under signals and terminals that would leave a person's terminal broken: in
/// tmux, with no engine (the console opens without one). Afterwards the shell's `stty -g` must
/// equal the one from before, `stty -a` must show echo and canonical input, and tmux must see
/// the alternate screen left, the cursor shown and mouse and keypad modes off.
@Suite(.serialized) struct TerminalSignalTests {
    struct Run {
        let tmux = Tmux()
        let marks = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-tty-\(UUID().uuidString.prefix(8))").path

        /// Runs ailab in the pane; the shell catches SIGQUIT (a trap, so ailab does not inherit
        /// it ignored) because Ctrl-\ goes to the whole foreground group, the shell included.
        init(environment: String = "TERM=xterm-256color LANG=C.UTF-8") {
            let command = "trap : QUIT; stty -g > \(marks).before; env XDG_CONFIG_HOME=\(marks).config XDG_STATE_HOME=\(marks).state \(environment) "
                + "\(AilabBinary.url.path) --host unix://\(marks).none.sock; echo AILAB-EXIT $?; stty -g > \(marks).after; "
                + "cmp -s \(marks).before \(marks).after && echo TTY-RESTORED; stty -a | grep -o -e ' -*icanon' -e ' -*echo ' | tr -d '\\n'; echo; sleep 60"
            tmux.start(command)
        }

        /// The ailab process: the pane's shell runs it as its child.
        func pid() throws -> pid_t {
            let shell = try #require(pid_t(tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            return try #require(children.split(separator: " ").compactMap { pid_t($0) }.first, "no ailab under the pane's shell")
        }

        /// alternate screen, cursor shown, any mouse mode, keypad cursor mode, as tmux tracks them.
        var modes: String {
            tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func expectRestored(exit: Int32?, _ what: String) {
            let done = tmux.waitFor { $0.contains("AILAB-EXIT") && $0.contains("icanon") }
            let screen = tmux.screen
            #expect(done && screen.contains("TTY-RESTORED"), "\(what): stty -g changed\n\(screen)")
            #expect(screen.contains(" icanon echo"), "\(what): stty -a shows raw mode\n\(screen)")
            if let exit { #expect(screen.contains("AILAB-EXIT \(exit)"), "\(what)\n\(screen)") }
            #expect(modes == "0 1 0 0", "\(what): tmux modes (alternate cursor mouse keypad) \(modes)")
        }

        func end() {
            tmux.kill()
            for suffix in [".before", ".after", ".state"] { try? FileManager.default.removeItem(atPath: marks + suffix) }
        }
    }

    static func opened(_ run: Run) -> Bool { run.tmux.waitFor { $0.contains("Public access") && $0.contains("unreachable") } }

    /// A crash (SIGSEGV, SIGABRT), and signals nobody sends to ask for a quit (SIGUSR1/2,
    /// SIGALRM), still end the process as they would, with the terminal as it was before curses.
    @Test(arguments: [SIGSEGV, SIGABRT, SIGUSR1, SIGALRM, SIGUSR2])
    func anEndingSignalLeavesTheTerminalAsItWas(signal: Int32) throws {
        let run = Run()
        defer { run.end() }
        #expect(Self.opened(run), "\(run.tmux.screen)")
        kill(try run.pid(), signal)
        run.expectRestored(exit: 128 + signal, "signal \(signal)")
    }

    /// Ctrl-\ is one keystroke: a clean quit with the shell's status for SIGQUIT.
    @Test func ctrlBackslashQuitsCleanly() throws {
        let run = Run()
        defer { run.end() }
        #expect(Self.opened(run), "\(run.tmux.screen)")
        run.tmux.send("C-\\")
        run.expectRestored(exit: 131, "Ctrl-\\")
    }

    /// TERM=dumb cannot move the cursor: a clear refusal that points to `ailab status`.
    @Test func aDumbTerminalIsRefusedWithAPointerToStatus() throws {
        let run = Run(environment: "TERM=dumb LANG=C.UTF-8")
        defer { run.end() }
        #expect(run.tmux.waitFor { $0.contains("AILAB-EXIT 1") }, "\(run.tmux.screen)")
        #expect(run.tmux.screen.contains("cannot move the cursor") && run.tmux.screen.contains("ailab status"), "\(run.tmux.screen)")
        run.expectRestored(exit: 1, "TERM=dumb")
    }
}
