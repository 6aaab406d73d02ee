import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import TestSupport
import Testing

/// What an action leaves behind when it is cancelled, fails, or the console quits under it, and
/// whether its log tells what the engine did.
extension StatusOnEngineTests {
    /// One service whose container ignores SIGTERM (busybox httpd as PID 1): a restart takes its
    /// whole 3 s grace period in the engine.
    static let slowYAML = """
        name: PROJECT
        services:
          slow:
            image: ailab-fixture/httpd:1
            stop_grace_period: 3s
            x-ailab: {layer: app, phase: 1, title: Slow}
        """

    /// Runs `request` in a task of its own, cancelling that task at the first event `cancelAt` picks.
    static func act(_ lab: EngineLab, _ request: ActionRequest, cancelAt: @escaping @Sendable (ActionEvent) -> Bool) async throws -> (ActionResult, EventLog) {
        let plan = try await lab.actions().prepare(request)
        #expect(plan.refusals.isEmpty, "\(plan.refusals)")
        let log = EventLog()
        let runner = lab.actions().runner(healthTimeout: .seconds(30))
        let result = await Task {
            await runner.run(plan) { event in
                log.add(event)
                // The report comes from the action's own task: cancel that one, as C does.
                if cancelAt(event) { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }.value
        return (result, log)
    }

    /// Installs `slow`; an XDG_STATE_HOME whose ailab folder is the lab's state directory, for
    /// the binary (the caller removes it).
    func installSlow(_ lab: EngineLab) async throws -> String {
        let (_, installed, installLog) = try await lab.act(ActionRequest(.install, ["slow"]))
        #expect(installed == .done, "\(installLog.text)")
        let stateHome = lab.stateDirectory + "-xdg"
        try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: stateHome + "/ailab", withDestinationPath: lab.stateDirectory)
        return stateHome
    }

    func waitForLog(_ path: String, _ line: String) {
        let deadline = Date().addingTimeInterval(10)
        while !((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").contains(line), Date() < deadline { usleep(20_000) }
    }

    func leftovers(_ lab: EngineLab) async throws -> [String] {
        let containers = try await lab.projectContainers().map(\.name)
        let volumes = try await lab.client.listVolumes(filters: ["label": ["\(ComposeLabel.project)=\(lab.project)"]]).map { "volume \($0.name)" }
        let networks = try await lab.client.listNetworks(filters: ["name": [lab.catalog.networkName]]).filter { $0.name == lab.catalog.networkName }.map { "network \($0.name)" }
        return containers + volumes + networks
    }

    @Test func aCancelAfterTheFirstContainerIsCreatedRemovesAllTheAttemptMade() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        slice.appImage = "ailab-fixture/httpd:1"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            let created = "create \(lab.project)-store-1"
            let (result, log) = try await Self.act(lab, ActionRequest(.install, ["app"])) { $0.outcome == .done && $0.text == created }
            #expect(result == .cancelled, "\(log.text)")
            #expect(try await leftovers(lab) == [], "\(log.text)")
            #expect(log.text.contains("removed \(lab.project)-store-1, volume \(lab.project)_store-data, network \(lab.project)_default"), "\(log.text)")
        }
    }

    /// The engine takes the container but will not start it (a device that does not exist): the
    /// attempt's container, volume and network all go. (A taken container name is refused by
    /// the preflight before anything is made: NameCollisionOnEngineTests.)
    @Test func aFailedInstallRemovesTheNetworkAndVolumeTheAttemptMade() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        let yaml = slice.yaml.replacingOccurrences(
            of: "    volumes: [store-data:/data]\n", with: "    volumes: [store-data:/data]\n    devices: [/dev/ailab-no-such-device]\n")
        try await EngineLab.withProject(yaml: yaml) { lab in
            let (_, result, log) = try await lab.act(ActionRequest(.install, ["store"]))
            guard case .failed(let message) = result else { Issue.record("\(result)\n\(log.text)"); return }
            #expect(message.contains("start \(lab.project)-store-1"), "\(message)")
            #expect(try await leftovers(lab) == [], "\(log.text)")
            #expect(log.text.contains("volume \(lab.project)_store-data") && log.text.contains("network \(lab.project)_default"), "\(log.text)")
        }
    }

    @Test func aRestartCancelledMidwayIsLoggedAsTheEngineFinishedIt() async throws {
        try await EngineLab.withProject(yaml: Self.slowYAML) { lab in
            let (_, installed, installLog) = try await lab.act(ActionRequest(.install, ["slow"]))
            #expect(installed == .done, "\(installLog.text)")
            let name = "\(lab.project)-slow-1"
            let before = try await lab.client.inspectContainer(name).state.startedAt
            let began = ContinuousClock.now
            let (result, log) = try await Self.act(lab, ActionRequest(.restart, ["slow"])) { $0.outcome == .started && $0.text == "restart \(name)" }
            #expect(result == .cancelled)
            #expect(ContinuousClock.now - began > .seconds(2.5), "the cancel did not wait for the engine's answer")
            #expect(try await lab.client.inspectContainer(name).state.startedAt != before)  // the engine did restart it
            let file = try String(contentsOfFile: lab.stateDirectory + "/actions.log", encoding: .utf8)
            let lines = file.split(separator: "\n").filter { $0.contains("restart slow:") }
            #expect(lines.contains { $0.hasSuffix("restart slow: done  restart \(name)") }, "\(file)")
            #expect(lines.last?.contains("restart slow: failed  cancelled: the steps above are what the engine did") == true, "\(file)\n\(log.text)")
        }
    }

    @Test func quittingTheConsoleMidActionLogsHowTheStepEnded() async throws {
        try await EngineLab.withProject(yaml: Self.slowYAML) { lab in
            let stateHome = try await installSlow(lab)
            defer { try? FileManager.default.removeItem(atPath: stateHome) }
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = Self.launch(tmux, lab: lab, environment: "TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(stateHome)")
            #expect(tmux.waitFor { $0.contains("● slow") }, "\(tmux.screen)")
            let logPath = lab.stateDirectory + "/actions.log"
            tmux.send("2", "/", "slow", "Enter", "r")
            let name = "\(lab.project)-slow-1"
            waitForLog(logPath, "restart slow: started  restart \(name)")
            tmux.send("q")
            #expect(tmux.waitFor { $0.contains("AILAB-EXIT 0") }, "\(tmux.screen)")
            let file = try String(contentsOfFile: logPath, encoding: .utf8)
            let last = file.split(separator: "\n").last { $0.contains("restart slow:") }
            #expect(last?.contains("restart slow: failed  interrupted: ailab quit during 'restart \(name)'; the engine may still finish it") == true, "\(file)")
        }
    }
}

extension StatusOnEngineTests {
    /// `ailab restart` ended by SIGTERM mid-step: exit 143 at once, and the log says how the step ended.
    @Test func aTerminatedCommandLineActionLogsHowTheStepEnded() async throws {
        try await EngineLab.withProject(yaml: Self.slowYAML) { lab in
            let stateHome = try await installSlow(lab)
            defer { try? FileManager.default.removeItem(atPath: stateHome) }
            let process = Process()
            process.executableURL = AilabBinary.url
            process.arguments = ["restart", "slow", "--catalog", lab.catalogPath, "--host", TestEngine.host!]
            process.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": stateHome]) { $1 }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let logPath = lab.stateDirectory + "/actions.log"
            let name = "\(lab.project)-slow-1"
            waitForLog(logPath, "restart slow: started  restart \(name)")
            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationStatus == 143)
            let file = try String(contentsOfFile: logPath, encoding: .utf8)
            let last = file.split(separator: "\n").last { $0.contains("restart slow:") }
            #expect(last?.contains("restart slow: failed  interrupted: ailab quit during 'restart \(name)'; the engine may still finish it") == true, "\(file)")
        }
    }
}
