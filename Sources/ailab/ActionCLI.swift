import ArgumentParser
import DockerClient
import Basics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LabControl

/// Plans, confirms and runs one action on the command line, printing the plan first and each
/// step as it happens: a live progress line on a terminal, plain lines otherwise.
struct ActionCLI {
    let options: ActionOptions

    init(_ options: ActionOptions) { self.options = options }

    func perform(_ request: ActionRequest) async throws {
        let catalog = try options.global.loadCatalog()
        let client = try await options.global.client(for: request, catalog: catalog)
        let actions = LabActions(client: client, catalog: catalog, stateDirectory: StateStore.defaultDirectory(environment: options.global.environment))
        let plan: ActionPlan
        do {
            plan = try await actions.prepare(request)
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(ActionResult.exitCode(planning: error))
        }
        let planText = plan.entries.enumerated().map { "  \($0.offset + 1). \($0.element.summary)" }
        Stdout.line((["Plan:"] + planText).joined(separator: "\n"))
        for warning in plan.warnings { Stderr.line("warning: \(actions.mask(warning))") }
        guard plan.refusals.isEmpty else {
            Stderr.line("refused; nothing was changed:")
            for refusal in plan.refusals { Stderr.line("  - \(actions.mask(refusal))") }
            throw ExitCode(3)
        }
        guard plan.changesSomething else { return }
        try Self.confirm(plan.questions, yes: options.yes)
        let printer = ProgressPrinter(live: isatty(STDOUT_FILENO) == 1)
        let quit = ActionQuit()
        let task = Task { await actions.runner(healthTimeout: .milliseconds(Int64(options.wait * 1000))).run(plan, quit: quit) { printer.show($0) } }
        // Ctrl-C cancels the action (a pull stops at once) instead of killing it mid-step.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        let endings = [SIGTERM, SIGHUP].map { Self.endOnSignal($0, task: task, quit: quit, printer: printer) }
        let result = await task.value
        interrupt.cancel()
        endings.forEach { $0.cancel() }
        printer.finish()
        switch result {
        case .done: StandardStream.output.write("done.\n")
        case .cancelled: Stderr.line("cancelled.")
        case .failed(let message): Stderr.line("failed: \(message)")
        case .unreachable(let message): Stderr.line("ailab: \(message)")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// SIGTERM or SIGHUP (a closed SSH session) ends the command at once, as a signal should,
    /// but first the action log says how the step under way ended (see `ActionQuit`).
    private static func endOnSignal(_ number: Int32, task: Task<ActionResult, Never>, quit: ActionQuit, printer: ProgressPrinter) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number)
        source.setEventHandler {
            task.cancel()
            quit.quit(within: .milliseconds(300))
            printer.finish()
            Stderr.line("ailab: ended by signal \(number); the action log says how far it got")
            exit(128 + number)
        }
        source.resume()
        return source
    }

    /// Every question answered yes: by --yes, or by the person at the terminal.
    static func confirm(_ questions: [String], yes: Bool) throws {
        guard !questions.isEmpty, !yes else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            for question in questions { Stderr.line("needs confirmation: \(question)") }
            Stderr.line("refused: no terminal to ask; run again with --yes to confirm")
            throw ExitCode(3)
        }
        for question in questions {
            StandardStream.error.write("\(TerminalText.safe(question)) [y/N] ")
            let answer = readLine()?.trimmed { $0 == " " || $0 == "\t" }.lowercased()
            guard answer == "y" || answer == "yes" else {
                Stderr.line("not confirmed; nothing was changed")
                throw ExitCode(3)
            }
        }
    }
}
