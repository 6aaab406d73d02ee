import ArgumentParser
import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl

/// Options every command takes: which catalog (compose project), which engine, which theme.
/// They work before or after the command (`GlobalArguments` moves them after it).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("catalog"), .customLong("file")],
        help: ArgumentHelp("A compose file (x-ailab fields optional) instead of the built-in catalog; repeat to merge files as compose does.", valueName: "file"))
    var catalog: [String] = []

    @Option(name: [.customShort("p"), .customLong("project-name")], help: ArgumentHelp("The compose project name (else COMPOSE_PROJECT_NAME, the file's name:, its directory).", valueName: "name"))
    var projectName: String?

    @Option(name: .customLong("profile"), help: ArgumentHelp("A compose profile to enable (repeatable; also COMPOSE_PROFILES).", valueName: "name"))
    var profiles: [String] = []

    @Option(name: .customLong("env-file"), help: ArgumentHelp("A file of variables for interpolation instead of .env beside the first file (repeatable).", valueName: "file"))
    var envFiles: [String] = []

    @Option(name: .long, help: ArgumentHelp("A theme name (default, light, high-contrast, monochrome) or a theme file; also AILAB_THEME.", valueName: "name|file"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("The engine address (overrides DOCKER_HOST): unix:///path or tcp://host:port.", valueName: "address"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("An engine to watch, by docker context name (\"default\": DOCKER_HOST or the local socket) or address (unix://, tcp://, ssh://); repeat to watch several. Without it: --host, DOCKER_HOST, DOCKER_CONTEXT, then the docker CLI's current context.", valueName: "name|url"))
    var engine: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the engine before calling it unreachable.", valueName: "seconds"))
    var timeout: Double = 3

    @Flag(name: .long, help: "Show the lab's secret values where they appear (health-check output, logs); masked by default.")
    var showSecrets = false

    @Option(name: .long, help: ArgumentHelp("Append a plain log of engine calls, reconnects, probes and actions to this file (also AILAB_LOG); secrets masked.", valueName: "file"))
    var log: String?

    /// Every command passes here once its options are read: the place to open the log.
    func validate() throws {
        guard let path = log ?? environment["AILAB_LOG"].flatMap({ $0.isEmpty ? nil : $0 }) else { return }
        try CommandLog.start(path: path, stateDirectory: stateDirectory, environment: environment)
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var stateDirectory: String { StateStore.defaultDirectory(environment: environment) }

    /// Masks stored secrets in what is shown, unless --show-secrets.
    func masker() -> SecretMasker {
        SecretMasker(store: showSecrets ? nil : SecretStore(stateDirectory: stateDirectory, environment: environment))
    }

    var catalogOptions: CatalogOptions {
        CatalogOptions(files: catalog, projectName: projectName, profiles: profiles, envFiles: envFiles, environment: environment)
    }

    /// The compose project; a broken file ends the run with all its errors (exit 3).
    func loadProject() throws -> ComposeProject {
        do {
            return try Catalog.project(catalogOptions)
        } catch {
            Stderr.line(error.description)
            throw ExitCode(3)
        }
    }

    /// The catalog, with its warnings printed to stderr; a broken file ends the run with its errors.
    func loadCatalog(printWarnings: Bool = true) throws -> Catalog {
        let catalog = try loadProject().catalog
        if printWarnings {
            for warning in catalog.warnings { Stderr.line("warning: \(warning)") }
        }
        return catalog
    }

    /// The default engine's client (the first `--engine`): where commands of one engine go.
    func makeClient() throws -> DockerClient {
        try engineTargets()[0].client(requestTimeout: requestTimeout)
    }

    /// Every engine to watch (`DockerContexts`); a bad name or address ends the run (exit 2).
    func engineTargets() throws -> [EngineTarget] {
        do {
            return try DockerContexts(environment: environment).resolve(requested: engine, host: host)
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(2)
        }
    }

    var requestTimeout: Duration { .milliseconds(Int64(max(0.1, timeout) * 1000)) }
}

enum Stderr {
    static func line(_ text: String) {
        StandardStream.error.write(TerminalText.safe(text) + "\n")
    }
}
