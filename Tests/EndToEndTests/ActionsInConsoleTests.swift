import ChildSpawn
import DockerClient
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The private registry behind scripts/slow-proxy.py: a pull that takes seconds, so a person
/// can watch its bar fill and cancel it half-way.
struct SlowRegistry {
    let port = freePort()
    let pid: pid_t

    init(bytesPerSecond: Int) throws {
        let script = EngineLab.builtInURL().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/slow-proxy.py").path
        let upstream = Slice.registry.split(separator: ":").last.map(String.init) ?? "5123"
        pid = try #require(Spawn.start(["python3", script, String(port), upstream, String(bytesPerSecond)]))
        let deadline = Date().addingTimeInterval(5)
        while !PortProbe.connects(port, 100), Date() < deadline { usleep(20_000) }
    }

    var host: String { "127.0.0.1:\(port)" }

    func stop() {
        kill(-pid, SIGKILL)
        Spawn.wait(pid)
    }
}

extension StatusOnEngineTests {
    @Test func aPersonInstallsASliceWatchingThePullCancelsOnceThenStopsRestartsAndPurgesIt() async throws {
        let registry = try SlowRegistry(bytesPerSecond: 400_000)
        defer { registry.stop() }
        var slice = Slice()
        slice.storeImage = "\(registry.host)/ailab-fixture/payload:1"
        slice.appImage = "ailab-fixture/httpd:1"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            let lab = lab
            try await lab.forgetPayload()
            let tmux = Tmux()
            defer { tmux.kill() }
            try FileManager.default.createDirectory(atPath: lab.stateDirectory, withIntermediateDirectories: true)
            let stateHome = lab.stateDirectory + "-xdg"
            try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
            try? FileManager.default.createSymbolicLink(atPath: stateHome + "/ailab", withDestinationPath: lab.stateDirectory)
            defer { try? FileManager.default.removeItem(atPath: stateHome) }
            _ = Self.launch(tmux, lab: lab, environment: "TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(stateHome)", width: 100, height: 30)
            var screens: [String] = []
            func see(_ what: String, within seconds: Double = 10, _ condition: (String) -> Bool) {
                let seen = tmux.waitFor(seconds) { screen in
                    screens.append(screen)
                    return condition(screen)
                }
                let log = (try? String(contentsOfFile: lab.stateDirectory + "/actions.log", encoding: .utf8)) ?? "no action log"
                #expect(seen, "never saw \(what):\n\(tmux.screen)\n\(log)")
            }
            see("the lab") { $0.contains(" app") && $0.contains(" store") }

            // Install app: the plan first, dependency first; then the pull's bar fills.
            tmux.send("2", "/", "app", "Enter", "i")
            see("the plan") { $0.contains("1. install store, needed by app") && $0.contains("2. install app") && $0.contains("Run this plan?") }
            tmux.send("y")
            see("pull progress") { $0.contains("pull \(registry.host)/ailab-fixture/payload:1") && $0.contains(" MB / ") && $0.contains("█░") }
            tmux.send("C")
            see("the cancel") { $0.contains("install app: cancelled") }
            #expect(try await lab.projectContainers().isEmpty)
            #expect(try await lab.client.hasImage(slice.storeImage) == false)

            // Again, to the end: health comes up on screen.
            tmux.send("i")
            see("the plan again") { $0.contains("Run this plan?") }
            tmux.send("y")
            see("the install finish", within: 60) { $0.contains("install app: done") }
            see("app healthy") { $0.contains("● app") }
            let app = try await lab.client.inspectContainer("\(lab.project)-app-1")
            #expect(app.state.health?.status == "healthy")

            // Stop what app needs: asked, naming app; then start and restart it.
            tmux.send("Escape", "/", "store", "Enter", "x")
            see("the stop question") { $0.contains("Stop store? app needs it and will lose it.") }
            tmux.send("y")
            see("the stop") { $0.contains("stop store: done") }
            #expect(try await lab.client.inspectContainer("\(lab.project)-store-1").state.running == false)
            tmux.send("s")
            see("the start", within: 30) { $0.contains("start store: done") }
            tmux.send("r")
            see("the restart", within: 30) { $0.contains("restart store: done") }
            #expect(try await lab.client.inspectContainer("\(lab.project)-store-1").state.health?.status == "healthy")

            // Purge asks twice; removing app first keeps store's question simple.
            tmux.send("Escape", "/", "app", "Enter", "D")
            see("the remove question") { $0.contains("Remove app (containers \(lab.project)-app-1)? Its volumes are kept.") }
            tmux.send("y")
            see("the remove") { $0.contains("remove app: done") }
            tmux.send("Escape", "/", "store", "Enter", "P")
            see("the first purge question") { $0.contains("(1 of 2)") && $0.contains("lost for good") }
            tmux.send("y")
            see("the second purge question") { $0.contains("Really delete the volumes? This cannot be undone. (2 of 2)") }
            tmux.send("y")
            see("the purge") { $0.contains("remove store --purge: done") }
            #expect(try await lab.projectContainers().isEmpty)
            #expect(try await lab.client.listVolumes(filters: ["name": ["\(lab.project)_store-data"]]).isEmpty)

            // The action log, and no secret on any screen seen.
            tmux.send("a")
            see("the action log") { $0.contains("Action log") && $0.contains("delete volume \(lab.project)_store-data") }
            let secret = try String(contentsOfFile: lab.stateDirectory + "/secrets/STORE_KEY", encoding: .utf8)
            #expect(!screens.contains { $0.contains(secret) })
            tmux.send("q")
            see("a clean exit") { $0.contains("AILAB-EXIT 0") && $0.contains("TTY-RESTORED") }
        }
    }
}
