import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabExposure
import LabReport

/// `ailab exposure [--json]`: who can reach each published port, and exit 1 when the lab
/// shows what it should not.
struct ExposureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Print who can reach each published port: its binding, Traefik route, tunnel, auth and verdict.",
        discussion: """
            For every port the lab publishes (and every port Traefik routes to):
              reach    loopback, all interfaces (the LAN), or one address of this host
              route    the Traefik routers sending to it: rule, middlewares, auth or not
              tunnel   cloudflared, Tailscale serve, bore or localtunnel pointing at it
                       (or at Traefik, for a routed port)
              auth     one unauthenticated GET from this host, to x-ailab.exposure's
                       auth-path (else /): 2xx open, 401/403 asks; local engines only
              verdict  local, protected, open (a web app without credentials), exposed
            What a port is comes from the catalog: the data layer's are data stores,
            the AI gateway's model APIs; x-ailab.exposure says more (admin, app, entry).

            Exit status:
              0  nothing is exposed
              1  a data store or model API is reachable beyond loopback, or an admin
                 interface there does not ask for credentials (each named on stderr)
              2  the engine is unreachable (one line on stderr)
              3  the catalog file is invalid (its errors on stderr, with file:line:column)
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let (snapshot, _) = try await options.loadSnapshot()
        guard snapshot.engine.reachable else {
            if json { Stdout.json(ExposureReport(snapshot, exposures: []).json()) }
            Stderr.line("ailab: \(snapshot.engine.error ?? "engine unreachable")")
            throw ExitCode(2)
        }
        let checker = AuthChecker()
        let exposures = ExposureJudge.judge(
            snapshot, auth: await checker.check(snapshot), unchecked: checker.uncheckedReason, extras: ExposureExtras.read(ExposeFiles.locate(snapshot.catalog)))
        let masker = options.masker()
        if json {
            Stdout.json(masker.apply(ExposureReport(snapshot, exposures: exposures).json()))
        } else {
            Stdout.line(masker.apply(ExposureTable.render(exposures)))
        }
        let problems = ExposureReport.problems(exposures)
        for problem in problems { Stderr.line("exposed: \(masker.apply(problem))") }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
