import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl
import LabExposure

/// `ailab expose SERVICE [--via TUNNEL] [--yes]`: a Traefik route (with basic auth unless the
/// service has its own login) and the tunnel's ingress, after one question naming what
/// becomes reachable and from where.
struct ExposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expose",
        abstract: "Make a service reachable from outside on purpose: a Traefik route with basic auth, and a tunnel's ingress.",
        discussion: """
            Writes ailab-expose-SERVICE.yml into the directory of Traefik's file provider \
            (--providers.file.directory, bind-mounted from this host): a router for \
            Host(`SERVICE.DOMAIN`) (DOMAIN: AILAB_DOMAIN, else localhost) with a basic-auth \
            middleware (user ailab; the password is generated and stored 0600 in the secret \
            store as EXPOSE_SERVICE_PASSWORD) unless the service already answers 401/403 itself. \
            --via cloudflared adds the hostname → Traefik before the catch-all rule of \
            cloudflared's config file (--config, bind-mounted); bore, localtunnel and \
            tailscale already forward to Traefik and only get the route. A token or auth key \
            the tunnel needs and the store lacks (TUNNEL_TOKEN, TS_AUTHKEY) is read from the \
            environment variable of that name, else asked for on the terminal without echo, \
            and stored 0600; it is never printed. `ailab unexpose SERVICE` takes it all back.
            """ + "\n\n" + exposeExitCodes)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The tunnel to carry it: cloudflared, tailscale, bore or localtunnel.")
    var via: String?

    @Flag(name: [.short, .long], help: "Answer yes to the question (needed without a terminal).")
    var yes = false

    @Argument(help: "The service to expose.") var service: String

    func run() async throws {
        var tunnel: ExposeVia?
        if let via {
            guard let known = ExposeVia(rawValue: via) else {
                Stderr.line("ailab: --via \(via): not a tunnel ailab knows (\(ExposeVia.allCases.map(\.rawValue).joined(separator: ", ")))")
                throw ExitCode(3)
            }
            tunnel = known
        }
        let (snapshot, _) = try await options.loadSnapshot()
        guard snapshot.engine.reachable else {
            Stderr.line("ailab: \(snapshot.engine.error ?? "engine unreachable")")
            throw ExitCode(2)
        }
        let secrets = SecretStore(stateDirectory: options.stateDirectory, environment: options.environment)
        let exposer = Exposer(catalog: snapshot.catalog, secrets: secrets, environment: options.environment)
        let checker = AuthChecker()
        let exposures = ExposureJudge.judge(
            snapshot, auth: await checker.check(snapshot), unchecked: checker.uncheckedReason, extras: ExposureExtras.read(exposer.files))
        let plan: ExposePlan
        do { plan = try exposer.plan(service, via: tunnel, exposures: exposures) } catch { throw Self.exit(error) }
        try ActionCLI.confirm([plan.question], yes: yes)
        for name in plan.providedSecrets { try ProvidedSecret.obtain(name, for: plan.tunnelService ?? "", options: options) }
        do {
            for line in try exposer.apply(plan) { Stdout.line(line) }
        } catch { throw Self.exit(error) }
        Stdout.line("done: \(service) is exposed at http://\(plan.hostname); `ailab exposure` shows it")
    }

    /// Says why on stderr and gives the exit code: 3 refused (nothing changed), 1 failed.
    static func exit(_ error: ExposeError) -> ExitCode {
        Stderr.line(error.refused ? "refused; nothing was changed: \(error.description)" : "failed: \(error.description)")
        return ExitCode(error.refused ? 3 : 1)
    }
}

/// `ailab unexpose SERVICE`: takes back what `expose` wrote, leaving the files as they were.
struct UnexposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unexpose",
        abstract: "Take back `ailab expose SERVICE`: its route file, its tunnel ingress rule and its password.",
        discussion: "The files are left byte for byte as they were before the expose.\n\n" + exposeExitCodes)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The service to take back.") var service: String

    func run() async throws {
        let catalog = try options.loadCatalog()
        let exposer = Exposer(catalog: catalog, secrets: SecretStore(stateDirectory: options.stateDirectory, environment: options.environment), environment: options.environment)
        let said: [String]
        do { said = try exposer.unexpose(service) } catch { throw ExposeCommand.exit(error) }
        for line in said { Stdout.line(line) }
        Stdout.line(said.isEmpty ? "\(service) is not exposed; nothing to do" : "done: \(service) is no longer exposed")
    }
}

let exposeExitCodes = """
    Exit status:
      0  done (or nothing to do, which is said)
      1  writing a file failed (what was written is taken back)
      2  the engine is unreachable
      3  refused before anything changed: an unknown service or tunnel, no file provider or tunnel config to write to, already exposed, a token not given, or no confirmation
    """
