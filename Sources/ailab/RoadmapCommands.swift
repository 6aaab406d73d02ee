import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl
import LabModel
import LabLive
import LabRoadmap
import LabReport

/// What the roadmap commands share: the catalog, a snapshot, the state store.
struct RoadmapContext {
    let catalog: Catalog
    let snapshot: LabSnapshot
    let runner: RoadmapRunner

    init(_ options: GlobalOptions) async throws {
        // Every watched engine, as `status` reads them (a service placed on the GPU box counts).
        snapshot = try await options.loadSnapshot().snapshot
        catalog = snapshot.catalog
        runner = RoadmapRunner(store: StateStore(directory: StateStore.defaultDirectory(environment: options.environment)))
    }

    func refresh(groups: Set<String>?) async throws -> RoadmapStatus {
        do {
            return try await runner.refresh(snapshot, groups: groups, warning: { Stderr.line("warning: \($0)") }).status
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(1)
        }
    }
}

struct RoadmapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Show the roadmap: phases with their items' live state and progress, and every success metric.",
        discussion: "Automatic metrics are checked as it runs; manual ones show their marks. Exit 2 when the engine is unreachable (states then read unknown).")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print JSON (README, \"Roadmap JSON\").") var json = false

    func run() async throws {
        let context = try await RoadmapContext(options)
        let status = try await context.refresh(groups: nil)
        let masker = options.masker()
        if json { Stdout.json(masker.apply(RoadmapReport(status, engine: context.snapshot.engine).json())) } else { Stdout.line(masker.apply(RoadmapText.render(status, engine: context.snapshot.engine))) }
        if !context.snapshot.everyEngineReachable {
            Stderr.line("ailab: \(context.snapshot.engine.error ?? "engine unreachable")")
            throw ExitCode(2)
        }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every automatic success-metric check; exit 1 while a metric of the chosen phases is unmet.",
        discussion: """
            For the lab's own cron or CI. Exit status: 0 every metric met, 1 a metric unmet (manual ones count: \
            mark them with `ailab mark`), 2 the engine is unreachable, 3 no metric covers the phase given.
            """)

    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Only the metric groups that cover this phase.") var phase: Int?
    @Flag(name: .long, help: "Print JSON (the roadmap schema).") var json = false

    func run() async throws {
        let context = try await RoadmapContext(options)
        let groups = RoadmapStatus.groups(of: context.catalog, phases: phase.map { [$0] })
        guard !groups.isEmpty else {
            Stderr.line("ailab: no success metrics cover phase \(phase ?? -1)")
            throw ExitCode(3)
        }
        let status = try await context.refresh(groups: groups)
        let chosen = status.metrics.filter { groups.contains($0.group) }
        if json {
            Stdout.json(options.masker().apply(RoadmapReport(status, engine: context.snapshot.engine).json()))
        } else {
            Stdout.line(options.masker().apply(RoadmapText.metrics(chosen)))
        }
        if !context.snapshot.everyEngineReachable {
            Stderr.line("ailab: \(context.snapshot.engine.error ?? "engine unreachable")")
            throw ExitCode(2)
        }
        if chosen.contains(where: { !$0.met }) { throw ExitCode(1) }
    }
}

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "Mark a manual success metric as met (kept in the state file).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The metric's id, as `ailab roadmap` lists it.") var metric: String

    func run() throws { try MarkCommand.set(metric, met: true, options) }

    static func set(_ id: String, met: Bool, _ options: GlobalOptions) throws {
        let catalog = try options.loadCatalog()
        let runner = RoadmapRunner(store: StateStore(directory: StateStore.defaultDirectory(environment: options.environment)))
        let person = options.environment["USER"] ?? options.environment["LOGNAME"] ?? "someone"
        do {
            _ = try runner.mark(id, met: met, catalog: catalog, by: person, warning: { Stderr.line("warning: \($0)") })
            Stdout.line("\(id): \(met ? "marked met" : "unmarked")")
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(3)
        }
    }
}

struct UnmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmark", abstract: "Take back the mark on a manual success metric.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The metric's id.") var metric: String

    func run() throws { try MarkCommand.set(metric, met: false, options) }
}
