import ArgumentParser
import LabCatalog

/// `ailab config`, like `docker compose config`: the model ailab resolved, for checking a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the resolved compose model (interpolated, merged, profiles applied, project name set).",
        discussion: """
            Like `docker compose config`: literal dollars are written as $$ so the output loads again, \
            and ports in their long form. Values of the lab's secrets and of variables named like \
            credentials (PASSWORD, SECRET, TOKEN, *_KEY) are masked unless --show-secrets.
            Exit status: 0, or 3 with every error of the files (file:line:column) on stderr.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print the names of the active services, one per line.")
    var services = false

    @Flag(name: .long, help: "Print the model as JSON instead of YAML.")
    var json = false

    func run() throws {
        let project = try options.loadProject()
        for warning in project.catalog.warnings { Stderr.line("warning: \(warning)") }
        if services {
            for name in project.serviceNames { print(name) }
            return
        }
        do {
            let text = json ? try project.configJSON(showSecrets: options.showSecrets) : try project.configYAML(showSecrets: options.showSecrets)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        } catch {
            Stderr.line("ailab: cannot write the model: \(error)")
            throw ExitCode(3)
        }
    }
}
