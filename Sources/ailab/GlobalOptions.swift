import ArgumentParser
import DockerClient
import Foundation
import LabCatalog
import LabControl

/// Options every command takes: which catalog, which engine.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A compose file with x-ailab fields to use instead of the built-in catalog.", valueName: "file"))
    var catalog: String?

    @Option(name: .long, help: ArgumentHelp("The engine address (overrides DOCKER_HOST): unix:///path or tcp://host:port.", valueName: "address"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the engine before calling it unreachable.", valueName: "seconds"))
    var timeout: Double = 3

    @Flag(name: .long, help: "Show the lab's secret values where they appear (health-check output, logs); masked by default.")
    var showSecrets = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var stateDirectory: String { StateStore.defaultDirectory(environment: environment) }

    /// Masks stored secrets in what is shown, unless --show-secrets.
    func masker() -> SecretMasker {
        SecretMasker(store: showSecrets ? nil : SecretStore(stateDirectory: stateDirectory, environment: environment))
    }

    /// The catalog, with its warnings printed to stderr; a broken file ends the run with its errors.
    func loadCatalog() throws -> Catalog {
        do {
            let catalog = try Catalog.resolve(option: catalog, environment: environment)
            for warning in catalog.warnings { Stderr.line("warning: \(warning)") }
            return catalog
        } catch {
            Stderr.line(error.description)
            throw ExitCode(3)
        }
    }

    func makeClient() throws -> DockerClient {
        do {
            let endpoint = try host.map { text throws(DockerError) in try DockerEndpoint.parse(text) } ?? DockerEndpoint.fromEnvironment(environment)
            return DockerClient(endpoint: endpoint, requestTimeout: .milliseconds(Int64(max(0.1, timeout) * 1000)))
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(2)
        }
    }
}

enum Stderr {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }
}
