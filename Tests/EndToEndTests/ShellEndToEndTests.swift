import DockerClient
import Foundation
import TestSupport
import Testing

/// `e` and the key-map file as a person meets them: in tmux at 80x24, against the private engine.
extension StatusOnEngineTests {
    @Test func eOpensAShellWhereCommandsRunAndExitReturnsToTheSameScreen() async throws {
        try await EngineLab.with { lab in
            try await lab.run("qdrant", .healthy)
            _ = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab)
            tmux.send("2")
            // Connected first (● qdrant, not "? qdrant … connecting"): keys sent before the first
            // snapshot would act on a screen that is about to change.
            #expect(tmux.waitFor(30) { $0.contains("CONDITION") && $0.contains("● qdrant") }, "\(tmux.screen)")
            tmux.send("/", "qdrant", "Enter")
            #expect(tmux.waitFor { $0.contains("● qdrant") && !$0.contains("litellm") })
            let before = tmux.screen
            let pressed = ContinuousClock.now
            tmux.send("e")
            // The fixture image is busybox: no bash, so its sh (ash), whose prompt ends in "#" for root.
            #expect(tmux.waitFor { screen in !screen.contains("CONDITION") && screen.contains("built-in shell (ash)")
                && screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("#") } }, "no shell prompt:\n\(tmux.screen)")
            print("ailab-measure: e to the shell's prompt on screen in \(pressed.duration(to: .now))")
            tmux.send("echo $((6*7))", "Enter")
            #expect(tmux.waitFor { Self.hasLine($0, "42") }, "no 42:\n\(tmux.screen)")
            // Ctrl-C goes to the shell (its sleep ends), not to ailab, which keeps running.
            tmux.send("sleep 30", "Enter")
            usleep(300_000)
            tmux.send("C-c")
            tmux.send("echo after-$((1+1))", "Enter")
            #expect(tmux.waitFor(5) { Self.hasLine($0, "after-2") }, "Ctrl-C did not reach the shell:\n\(tmux.screen)")
            // Ctrl-\ too: it ends the shell's sleep (SIGQUIT there), not ailab (which would exit 131).
            tmux.send("sleep 30", "Enter")
            usleep(300_000)
            tmux.send("C-\\")
            tmux.send("echo quit-$((2+2))", "Enter")
            #expect(tmux.waitFor(5) { Self.hasLine($0, "quit-4") }, "Ctrl-\\ did not reach the shell:\n\(tmux.screen)")
            // The TTY has the terminal's size.
            tmux.send("stty size", "Enter")
            #expect(tmux.waitFor { Self.hasLine($0, "24 80") }, "the TTY is not 80x24:\n\(tmux.screen)")
            // A resize of the window reaches the shell's TTY (SIGWINCH → POST /exec/{id}/resize).
            tmux.send("clear", "Enter")
            tmux.resize(100, 30)
            usleep(300_000)
            tmux.send("stty size", "Enter")
            #expect(tmux.waitFor { Self.hasLine($0, "30 100") }, "the TTY did not follow the window:\n\(tmux.screen)")
            tmux.resize(80, 24)
            usleep(300_000)
            // The shell's own exit status is read back from the engine (GET /exec/{id}/json).
            tmux.send("exit 3", "Enter")
            #expect(tmux.waitFor { $0.contains("CONDITION") && $0.contains("ended (exit 3)") }, "not back:\n\(tmux.screen)")
            // The same screen as before the shell, every line but the footer's notice and the clock.
            let after = tmux.screen
            let body = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast(2) }
            #expect(body(after) == body(before), "before:\n\(before)\nafter:\n\(after)")
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") })
        }
    }

    @Test func aKeyMapFileRebindingQuitIsHonouredAndShownInHelp() async throws {
        try await EngineLab.with { lab in
            try await lab.run("chroma", .healthy)
            let config = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-keys-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: config + "/ailab", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: config) }
            try "# quit on a capital, so a stray q does not end the console\nquit = Q\n".write(toFile: config + "/ailab/keys", atomically: true, encoding: .utf8)
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, environment: "XDG_CONFIG_HOME=\(config) TERM=xterm-256color LANG=C.UTF-8")
            #expect(tmux.waitFor { $0.contains("chroma") && $0.contains("Public access") })
            tmux.send("?")
            let rebound = try Regex(#" Q +quit \(Ctrl-C too\)"#)
            #expect(tmux.waitFor { $0.contains("Keys ·") && $0.contains(rebound) }, "help:\n\(tmux.screen)")
            tmux.send("Escape")
            #expect(tmux.waitFor { !$0.contains("Keys ·") })
            tmux.send("q")
            usleep(500_000)
            #expect(!tmux.screen.contains("AILAB-EXIT"), "q still quit")
            tmux.send("Q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") })

            // A file with a mistake: the console does not start and says where.
            try "quit = Q\nstop = Hyper-x\n".write(toFile: config + "/ailab/keys", atomically: true, encoding: .utf8)
            let second = Tmux()
            defer { second.kill() }
            _ = Self.launch(second, lab: lab, environment: "XDG_CONFIG_HOME=\(config) TERM=xterm-256color LANG=C.UTF-8")
            #expect(second.waitFor { $0.contains("AILAB-EXIT 3") && $0.contains("ailab/keys:2: unknown key 'Hyper-x' for stop") }, "\(second.screen)")
        }
    }

    static func hasLine(_ screen: String, _ wanted: String) -> Bool {
        screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == wanted }
    }
}
