import ArgumentParser
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LabCatalog
import LabControl

/// A credential only the person has (a tunnel token, an auth key, a Vault token): taken from
/// the environment variable of its name, else asked for by name on the terminal with echo off,
/// so it never shows on screen, in scrollback or in a log.
enum ProvidedSecret {
    /// Stores a tunnel's token 0600 in the secret store, or exits 3 saying where to put it.
    static func obtain(_ name: String, for service: String, options: GlobalOptions) throws {
        guard let value = ask(name, why: "\(service) needs it", environment: options.environment) else {
            Stderr.line("refused; nothing was changed: \(service) needs \(name): set \(name) in the environment, or run this on a terminal to be asked for it")
            throw ExitCode(3)
        }
        do {
            _ = try SecretStore(stateDirectory: options.stateDirectory, environment: [name: value]).ensure(name, spec: SecretSpec(provided: true))
        } catch {
            Stderr.line("failed: store \(name): \(error.description)")
            throw ExitCode(1)
        }
        Stdout.line("stored \(name) (0600) for \(service)")
    }

    /// The value from the environment, else typed at the terminal without echo; nil for neither.
    static func ask(_ name: String, why: String, environment: [String: String]) -> String? {
        if let given = environment[name], !given.isEmpty { return given }
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        StandardStream.error.write("\(name) (\(why); input hidden): ")
        var saved = termios()
        let hidden = tcgetattr(STDIN_FILENO, &saved) == 0
        if hidden {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer {
            if hidden { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
            StandardStream.error.write("\n")
        }
        let typed = readLine()?.trimmed { $0 == " " || $0 == "\t" } ?? ""
        return typed.isEmpty ? nil : typed
    }
}
