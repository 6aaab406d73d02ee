import ArgumentParser
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// What every action command takes besides its services.
struct ActionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Flag(name: [.short, .long], help: "Answer yes to every confirmation (needed without a terminal for anything destructive).")
    var yes = false

    @Option(name: .long, help: ArgumentHelp("Seconds a started service may take to become healthy.", valueName: "seconds"))
    var wait: Double = 180
}

let actionExitCodes = """
    Exit status:
      0  done (or nothing to do, which is said)
      1  the action failed (the engine's message on stderr; health-check output and last log lines for a service that did not come up)
      2  the engine is unreachable
      3  refused before anything changed: an unknown service, a preflight problem (image not pullable, host port taken, secret missing), or no confirmation
    """

struct InstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install services (and what they need), or a whole roadmap phase: pull, create, start, wait for health.",
        discussion: """
            Targets are service names or phaseN. The plan (dependencies first) is printed before anything runs; \
            preflight checks every image is present or pullable and every host port free before anything is created. \
            Secrets are generated on first install, stored 0600 under the state directory and never printed. \
            An installed service is left as it is (and said so); one that drifted from the catalog is recreated \
            after confirmation (its volumes are kept).
            """ + "\n\n" + actionExitCodes)

    @OptionGroup var options: ActionOptions
    @Flag(name: .long, help: "Deploy as Swarm services in a stack named after the project (the engine must be a Swarm manager).")
    var swarm = false
    @Argument(help: "Services or phases (phase1) to install.") var targets: [String]

    func run() async throws { try await ActionCLI(options).perform(ActionRequest(.install, targets, swarm: swarm)) }
}

/// start, stop and restart: one action on services or phases, with nothing else to choose, so
/// one command type serves all three (ArgumentParser wants a type per subcommand: the names below).
struct PlainActionCommand<Action: PlainAction>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.kind.rawValue, abstract: Action.abstract, discussion: actionExitCodes)
    }
    @OptionGroup var options: ActionOptions
    @Argument(help: ArgumentHelp("Services or phases to \(Action.kind.rawValue).")) var targets: [String]
    func run() async throws { try await ActionCLI(options).perform(ActionRequest(Action.kind, targets)) }
}

/// What a `PlainActionCommand` does and how its help line says it.
protocol PlainAction {
    static var kind: ActionKind { get }
    static var abstract: String { get }
}

enum StartAction: PlainAction {
    static let kind = ActionKind.start, abstract = "Start services; stopped dependencies come up first."
}

enum StopAction: PlainAction {
    static let kind = ActionKind.stop, abstract = "Stop services; asks first when a running service needs one of them."
}

enum RestartAction: PlainAction {
    static let kind = ActionKind.restart, abstract = "Restart services and wait for them to be healthy again."
}

typealias StartCommand = PlainActionCommand<StartAction>
typealias StopCommand = PlainActionCommand<StopAction>
typealias RestartCommand = PlainActionCommand<RestartAction>

struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove services' containers; their volumes are kept unless --purge. Always asks (or --yes).",
        discussion: actionExitCodes)
    @OptionGroup var options: ActionOptions
    @Flag(name: .long, help: "Also delete the service's named volumes: its data is lost.") var purge = false
    @Argument(help: "Services to remove.") var targets: [String]
    func run() async throws { try await ActionCLI(options).perform(ActionRequest(.remove, targets, purge: purge)) }
}
