/// Lets the global options come before the command, as in `docker compose -f F -p P ps`:
/// ArgumentParser only reads a subcommand's options after its name, so the ones written before
/// it are moved after it. Anything else (no command, `--help`, an unknown option) is left as is.
enum GlobalArguments {
    /// Global options that take a value, by every spelling.
    static let withValue: Set<String> = ["-f", "--catalog", "--file", "-p", "--project-name", "--profile", "--env-file", "--theme", "--host", "--engine", "--timeout", "--log"]
    static let flags: Set<String> = ["--show-secrets"]

    static func reordered(_ arguments: [String], commands: Set<String>) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if commands.contains(argument) {
                return [argument] + moved + arguments[(index + 1)...]
            } else if withValue.contains(name) {
                let takesNext = !argument.contains("=")
                guard !takesNext || index + 1 < arguments.count else { return arguments }
                moved += takesNext ? [argument, arguments[index + 1]] : [argument]
                index += takesNext ? 2 : 1
            } else if flags.contains(argument) {
                moved.append(argument)
                index += 1
            } else {
                return arguments  // no command before this: the default command reads them all
            }
        }
        return arguments
    }
}
