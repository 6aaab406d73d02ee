import ArgumentParser
import DockerClient
import LabControl

/// `--log FILE` / `AILAB_LOG`: opens the log for this run and says which command it is. The
/// mask always reads the stored secrets, whatever --show-secrets says for the screen: a log
/// file is copied and pasted, a secret must never be in it.
enum CommandLog {
    static func start(path: String, stateDirectory: String, environment: [String: String]) throws {
        let masker = SecretMasker(store: SecretStore(stateDirectory: stateDirectory, environment: environment))
        do {
            try LabLog.start(file: path) { masker.apply($0) }
        } catch {
            throw ValidationError(error.description)
        }
        let arguments = CommandLine.arguments.dropFirst().map { TerminalText.safe($0) }.joined(separator: " ")
        LabLog.info("ailab", "\(BuildInfo.versionLine) started: ailab \(arguments)")
    }
}
