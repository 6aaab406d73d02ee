import DockerClient
import LabModel
import Foundation
import TestSupport
import Testing

/// The console as a person uses it: in tmux, against the private engine.
extension StatusOnEngineTests {
    /// Runs ailab in tmux; the pane keeps the exit status and whether stty settings survived.
    static func launch(_ tmux: Tmux, lab: EngineLab, environment: String = "TERM=xterm-256color LANG=C.UTF-8", width: Int = 80, height: Int = 24) -> String {
        let marks = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-e2e-\(UUID().uuidString.prefix(8))").path
        let command = "stty -g > \(marks).before; env \(environment) \(AilabBinary.url.path) --catalog \(lab.catalogPath) --host \(TestEngine.host!); "
            + "echo AILAB-EXIT $?; stty -g > \(marks).after; cmp -s \(marks).before \(marks).after && echo TTY-RESTORED; sleep 120"
        tmux.start(command, width: width, height: height)
        return marks
    }

    @Test func aPersonMovesThroughEveryScreenAndSeesAKillAsItHappens() async throws {
        try await EngineLab.with { lab in
            let id = try await lab.run("qdrant", .healthy, hostPort: freePort())
            try await lab.run("litellm", .unhealthy)
            _ = try await lab.snapshot { $0.status(of: "qdrant")?.health == .healthy && $0.status(of: "litellm")?.health == .unhealthy }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab)
            #expect(tmux.waitFor { $0.contains("● qdrant") && $0.contains("✗ litellm") && $0.contains("Public access") && $0.contains("Observability") })
            for (key, marker) in [("2", "CONDITION"), ("3", "LISTEN"), ("4", "Phase 1 · Vector"), ("5", "EVENT"), ("6", "VERDICT"), ("7", "traefik → open-webui"), ("1", "AI gateway")] {
                tmux.send(key)
                #expect(tmux.waitFor { $0.contains(marker) }, "screen \(key) never showed \(marker)")
            }
            tmux.send("Tab")
            #expect(tmux.waitFor { $0.contains("CONDITION") })
            tmux.send("BTab")
            #expect(tmux.waitFor { $0.contains("AI gateway") })
            // Why is litellm unhealthy? Without leaving the console.
            tmux.send("/", "litellm", "Enter")
            tmux.send("2", "Enter")
            #expect(tmux.waitFor { $0.contains("Last health check") && $0.contains("404") })
            tmux.send("l")
            #expect(tmux.waitFor { $0.contains("Logs · litellm") })
            tmux.send("Escape", "Escape", "Escape", "?")
            #expect(tmux.waitFor { $0.contains("Keys ·") && $0.contains("quit (Ctrl-C too)") })
            tmux.send("x", "1")
            #expect(tmux.waitFor { $0.contains("Public access") && !$0.contains("Keys ·") })

            // The engine's die event reaches the screen; how soon is the benchmark's figure (make bench: median and p95).
            try await lab.client.killContainer(id)
            #expect(tmux.waitFor(15) { $0.contains("○ qdrant") })  // killed on request: stopped, not crashed

            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") })
        }
    }

    @Test func ctrlCQuitsAndAnIdleConsoleWritesNothing() async throws {
        try await EngineLab.with { lab in
            try await lab.run("chroma", .healthy)
            _ = try await lab.snapshot { $0.status(of: "chroma")?.health == .healthy }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab)
            #expect(tmux.waitFor { $0.contains("● chroma") })
            usleep(500_000)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-idle-\(UUID().uuidString.prefix(8))").path
            tmux.tmux(["pipe-pane", "-t", tmux.session, "-o", "cat >> \(output)"])
            try await Task.sleep(for: .seconds(3))
            tmux.tmux(["pipe-pane", "-t", tmux.session])
            let written = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            // Ages tick on the minute: a window that crosses one may see those few cells, never more.
            #expect(written <= 2048, "an idle console wrote \(written) bytes in 3 s")
            tmux.send("C-c")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") })
        }
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP)])
    func aSignalEndsItCleanly(name: String, signal: Int32) async throws {
        try await EngineLab.with { lab in
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab)
            #expect(tmux.waitFor { $0.contains("Public access") })
            let pid = try #require(pid_t(tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
            // The pane's shell runs ailab as its child: signal the child, as kill or a dropped SSH would.
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            let ailab = try #require(children.split(separator: " ").compactMap { pid_t($0) }.first, "no ailab under the pane's shell")
            kill(ailab, signal)
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") }, "SIG\(name) left \(tmux.screen)")
        }
    }

    @Test func plainTerminalsTinyWindowsAndResizeStorms() async throws {
        try await EngineLab.with { lab in
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, environment: "TERM=vt100 LANG=C NO_COLOR=1", width: 60, height: 20)
            #expect(tmux.waitFor { $0.contains("+-") && $0.contains(". qdrant") })  // ASCII box and glyphs
            for (width, height) in [(1, 1), (200, 60), (10, 5), (3, 2), (80, 24), (1, 1), (60, 20)] { tmux.resize(width, height) }
            #expect(tmux.waitFor { $0.contains("Public access") })
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") })
        }
    }

    @Test func anUnreachableEngineShowsABannerAndUnknownHealthThenRecoversByItself() async throws {
        try await EngineLab.with { lab in
            try await lab.run("qdrant", .healthy)
            let link = "/tmp/ailab-later-\(UUID().uuidString.prefix(8)).sock"
            let tmux = Tmux()
            defer {
                tmux.kill()
                unlink(link)
            }
            let command = "env TERM=xterm-256color LANG=C.UTF-8 \(AilabBinary.url.path) --catalog \(lab.catalogPath) --host unix://\(link); sleep 60"
            tmux.start(command)
            #expect(tmux.waitFor { $0.contains("engine unreachable") && $0.contains("? qdrant") && $0.contains("retry") })
            // The engine appears where the console looks: it reconnects without a key pressed.
            let target = String(TestEngine.host!.dropFirst("unix://".count))
            #expect(symlink(target, link) == 0)
            #expect(tmux.waitFor(15) { !$0.contains("engine unreachable") && $0.contains("● qdrant") })
        }
    }

    @Test func anUnknownTermAndAKeyFloodLeaveItWorking() async throws {
        try await EngineLab.with { lab in
            try await lab.run("qdrant", .healthy)
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("flood-\(lab.project)").path
            defer { try? FileManager.default.removeItem(atPath: state) }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, environment: "TERM=no-such-terminal-ailab LANG=C.UTF-8 XDG_STATE_HOME=\(state)")
            #expect(tmux.waitFor { $0.contains("Public access") && $0.contains("qdrant") }, "\(tmux.screen)")
            // Thousands of keys as fast as tmux can type them: moves, screens, help, filter, logs,
            // sorts and escape sequences; none that quits, marks or acts on a service.
            var generator = SystemRandomNumberGenerator()
            let keys = Array("jkhgG12345?/oOpnNfl ")
            for _ in 0..<10 {
                let burst = String((0..<400).map { _ in keys[Int(generator.next() % UInt64(keys.count))] })
                tmux.tmux(["send-keys", "-t", tmux.session, "-l", burst])
                tmux.send("Escape", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Tab", "BTab", "Escape")
            }
            // The console may still be reading the flood, and an Escape with a key at once after it
            // reads as Alt+key: leave whatever prompt it ended in one key at a time, until Layers
            // shows with no prompt and stays so (a screen seen mid-flood is not the end of it).
            func settled(_ screen: String) -> Bool { screen.contains("Public access") && !screen.contains("filter:") && !screen.contains("search logs:") }
            var calm = false
            for _ in 0..<20 where !calm {
                for key in ["Escape", "Escape", "1"] {
                    tmux.send(key)
                    usleep(300_000)
                }
                calm = tmux.waitFor(3) { settled($0) } && { usleep(1_000_000); return settled(tmux.screen) }()
            }
            #expect(calm, "\(tmux.screen)")
            // Quit the same way: flood keys still read after the calm may have opened a prompt
            // that would take the q as text, so each try leaves prompts and overlays first.
            var ended = false
            for _ in 0..<20 where !ended {
                for key in ["Escape", "Escape", "Escape", "q"] {
                    tmux.send(key)
                    usleep(300_000)
                }
                ended = tmux.waitFor(3) { $0.contains("AILAB-EXIT") }
            }
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") }, "\(tmux.screen)")
        }
    }

    @Test func aClosedStdinIsRefusedWithAMessageNotACrash() async throws {
        try await EngineLab.with { lab in
            let tmux = Tmux()
            defer { tmux.kill() }
            tmux.start("\(AilabBinary.url.path) --catalog \(lab.catalogPath) --host \(TestEngine.host!) 0<&-; echo AILAB-EXIT $?; sleep 30")
            #expect(tmux.waitFor { $0.contains("needs a terminal") && $0.contains("AILAB-EXIT 1") }, "\(tmux.screen)")
        }
    }

    @Test func withoutATerminalItPointsToStatus() throws {
        let result = try AilabBinary.run(["--host", "unix:///tmp/none.sock"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ailab status"))
    }
}
