import ArgumentParser
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl
import LabModel
import LabExposure
import LabReport

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print every service of the lab with its condition, how long it has been so, and its ports, by layer.",
        discussion: """
            Each service has one condition, the same on every screen of the console:
              healthy      running, and its healthcheck (or the catalog's probe) passes
              running      running, with no check of any kind
              starting     running, its healthcheck has not passed yet
              unhealthy    running, its check fails                              (exit 1)
              stopped      stopped on request (docker stop/kill, ailab stop, compose stop,
                           the engine shutting down; an unexplained exit 137/143 too)
              completed    a one-shot job that exited 0 by itself
              crashed      exited non-zero by itself, OOM-killed, or dead           (exit 1)
              restarting   the engine keeps restarting it: a crash loop             (exit 1)
              paused, not-installed, unknown (the engine does not answer)
            Services that have an x-ailab.probe and no Docker healthcheck are probed once.

            Exit status:
              0  no service is unhealthy, crashed or restarting (stopped and completed are fine)
              1  a service is unhealthy, crashed or restarting
              2  the engine is unreachable (one line on stderr)
              3  the catalog file is invalid (its errors on stderr, with file:line:column)

            --json prints the documented schema (README, "JSON schema"): engine {endpoint, reachable, \
            version, apiVersion, error}, services[] {name, layer, phase, condition, conditionSince, \
            conditionDetail, probe, state, health, containers[], ports[] {host, container, protocol, \
            hostIp, exposure}, ...}; exposure (null when not installed) is {kind, reach, address, routes, \
            tunnels, auth, verdict, why}, as `ailab exposure --json` prints it. condition is one of the words above; state (not-installed, created, running, \
            restarting, paused, exited, dead, unknown) and health (healthy, unhealthy, starting, none, \
            unknown) are the engine's own facts.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let (snapshot, _) = try await options.loadSnapshot()
        // Each port's `exposure` in JSON includes one unauthenticated request's answer.
        let auth = json ? await AuthChecker().check(snapshot) : [:]
        let exposures = ExposureJudge.judge(
            snapshot, auth: auth, unchecked: AuthChecker().uncheckedReason, extras: ExposureExtras.read(ExposeFiles.locate(snapshot.catalog)))
        // The GPUs through NVML when the host has it; without it the JSON has no `gpu` key.
        let gpu = json ? GPUReader()?.read() : nil
        StandardStream.output.write(Self.output(snapshot, json: json, masker: options.masker(), exposures: exposures, gpu: gpu))
        let exit = StatusExit(snapshot)
        if exit == .unreachable { Stderr.line("ailab: \(snapshot.engine.error ?? "engine unreachable")") }
        if exit != .ok { throw ExitCode(exit.rawValue) }
    }

    /// What `status` prints on stdout: the table or JSON, secrets masked, safe for a terminal.
    static func output(_ snapshot: LabSnapshot, json: Bool, masker: SecretMasker, exposures: [PortExposure]? = nil, gpu: GPUReading? = nil) -> String {
        json ? TerminalText.json(masker.apply(StatusReport(snapshot, exposures: exposures, gpu: gpu).json())) + "\n" : TerminalText.safe(masker.apply(StatusTable.render(snapshot))) + "\n"
    }
}
