import ArgumentParser

@main
struct Ailab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ailab",
        abstract: "A terminal console for a self-hosted Local AI Lab of Docker services.",
        discussion: """
            The catalog (what the lab should hold) is the compose project of -f/--catalog, else \
            AILAB_CATALOG, else COMPOSE_FILE, else a compose.yaml or docker-compose.yml found from \
            here upwards, else $XDG_CONFIG_HOME/ailab/lab.yaml, else the built-in one. The engine is \
            DOCKER_HOST (unix:// or tcp://), else /var/run/docker.sock.

            Global options, before or after the command (each command's --help says more):
              -f/--catalog FILE   -p/--project-name NAME   --profile NAME   --env-file FILE
              --theme NAME|FILE   --host ADDRESS   --timeout SECONDS   --show-secrets   --log FILE
            """,
        version: BuildInfo.versionLine,
        subcommands: [
            ConsoleCommand.self, StatusCommand.self, InstallCommand.self, StartCommand.self, StopCommand.self, RestartCommand.self,
            RemoveCommand.self, ConfigCommand.self, RoadmapCommand.self, ExposureCommand.self, ExposeCommand.self, UnexposeCommand.self, SecretsCommand.self, MapCommand.self, CheckCommand.self, MarkCommand.self, UnmarkCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    static func main() async {
        let commands = Set(configuration.subcommands.map { $0._commandName })
        await main(GlobalArguments.reordered(Array(CommandLine.arguments.dropFirst()), commands: commands))
    }
}
