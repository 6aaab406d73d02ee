import ArgumentParser

@main
struct Ailab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ailab",
        abstract: "A terminal console for a self-hosted Local AI Lab of Docker services.",
        discussion: """
            The catalog (what the lab should hold) is the built-in one unless --catalog, AILAB_CATALOG \
            or $XDG_CONFIG_HOME/ailab/lab.yaml names another compose file. The engine is DOCKER_HOST \
            (unix:// or tcp://), else /var/run/docker.sock.
            """,
        subcommands: [
            ConsoleCommand.self, StatusCommand.self, InstallCommand.self, StartCommand.self, StopCommand.self, RestartCommand.self,
            RemoveCommand.self, RoadmapCommand.self, CheckCommand.self, MarkCommand.self, UnmarkCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
