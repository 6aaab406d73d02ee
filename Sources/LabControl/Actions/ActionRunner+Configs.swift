import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

extension ActionRunner {
    /// The lab's config directory, beside its secrets: `$XDG_STATE_HOME/ailab/configs`.
    var configDirectory: String { Path.parent(resolver.secrets.directory) + "/configs" }

    /// Writes the component's config files where its binds expect them (0644: the container's
    /// own user reads them; they hold no secrets), atomically, before the container is created.
    func writeConfigs(_ blueprint: ContainerBlueprint, service: String, _ reporter: ActionReporter) throws {
        for config in blueprint.component.configs {
            let path = blueprint.configPath(config)
            do {
                try AtomicFile.prepareDirectory(Path.parent(path))
                try AtomicFile.write(Data(config.content.utf8), to: path, mode: 0o644)
            } catch {
                let message = "write config \(config.name) for \(blueprint.component.name): \(error.description)"
                reporter.emit(service, .failed, message)
                throw ActionFailure(message: message)
            }
            reporter.emit(service, .info, "wrote \(path) (mounted read-only at \(config.target))")
        }
    }
}
