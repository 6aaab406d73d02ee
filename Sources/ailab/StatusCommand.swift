import ArgumentParser
import Foundation
import LabControl

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print every service of the lab with its live state, health, ports and uptime, by layer.",
        discussion: """
            Exit status:
              0  every installed service is running and none is unhealthy
              1  an installed service is unhealthy, exited or dead (or otherwise not running)
              2  the engine is unreachable (one line on stderr)
              3  the catalog file is invalid (its errors on stderr, with file:line:column)

            --json prints the documented schema (README, "JSON schema"): engine {endpoint, reachable, \
            version, apiVersion, error}, services[] {name, layer, phase, state, health, containers[], \
            ports[] {host, container, protocol, hostIp}, ...}. state is one of not-installed, created, \
            running, restarting, paused, exited, dead, unknown; health one of healthy, unhealthy, \
            starting, none, unknown.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let catalog = try options.loadCatalog()
        let client = try options.makeClient()
        let snapshot = await SnapshotLoader(client: client, catalog: catalog).load()
        FileHandle.standardOutput.write(Data(Self.output(snapshot, json: json, masker: options.masker()).utf8))
        let exit = StatusExit(snapshot)
        if exit == .unreachable { Stderr.line("ailab: \(snapshot.engine.error ?? "engine unreachable")") }
        if exit != .ok { throw ExitCode(exit.rawValue) }
    }

    /// What `status` prints on stdout: the table or JSON, secrets masked, safe for a terminal.
    static func output(_ snapshot: LabSnapshot, json: Bool, masker: SecretMasker) -> String {
        json ? TerminalText.json(masker.apply(StatusReport(snapshot).json())) + "\n" : TerminalText.safe(masker.apply(StatusTable.render(snapshot))) + "\n"
    }
}
