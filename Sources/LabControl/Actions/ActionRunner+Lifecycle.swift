import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

extension ActionRunner {
    /// Creates and starts `names` (all of a new service's components, or the drifted ones to
    /// replace), then waits for health. A failure or a cancel before the service is up removes
    /// what this attempt created (containers, volumes, the network), so the lab is as it was and
    /// the install can simply be run again.
    func install(_ service: LabService, _ names: [String], replacing: Bool, _ reporter: ActionReporter) async throws {
        var created = Attempt()
        do {
            created.network = try await ensureNetwork(service.name, reporter)
            let existing = replacing ? try await containers(of: service) : []
            for component in service.components where names.contains(component.name) {
                var draft = ContainerBlueprint(service: service.name, component: component, project: catalog.name, catalogDirectory: catalogDirectory)
                draft.configDirectory = configDirectory
                let blueprint = draft
                try await ensureImage(component.image, service: service.name, reporter)
                try writeConfigs(blueprint, service: service.name, reporter)
                for volume in blueprint.volumeNames where try await !volumeExists(volume) {
                    // A step, so a cancel cannot land between the engine making it and our noting it.
                    try await step(service.name, "create volume \(volume)", reporter) {
                        try await client.createVolume(name: volume, labels: [ComposeLabel.project: catalog.name, "com.docker.compose.volume": String(volume.dropFirst(catalog.name.count + 1))])
                    }
                    created.volumes.append(volume)
                }
                for old in existing where old.component == component.name {
                    try await step(service.name, "replace \(old.name)", reporter, done: "removed the old \(old.name)") {
                        try await client.removeContainer(old.id, force: true)
                    }
                }
                let spec: ContainerSpec
                do {
                    spec = try blueprint.spec(network: catalog.networkName) { text, context throws(InterpolationError) in
                        try resolver.resolve(text, context: context)
                    }
                } catch {
                    reporter.emit(service.name, .failed, error.description)
                    throw ActionFailure(message: error.description)
                }
                reporter.refreshMask()  // secrets generated just now
                let id = try await step(service.name, "create \(blueprint.containerName)", reporter) {
                    try await client.createContainer(name: blueprint.containerName, spec: spec)
                }
                created.containers.append((id, blueprint.containerName))
                try await step(service.name, "start \(blueprint.containerName)", reporter) { try await client.startContainer(id) }
            }
        } catch {
            // In a task of its own: after a cancel, every engine call made from this task
            // would be cancelled too (its deadline's sleep throws at once), and nothing removed.
            let attempt = created
            await Task.detached { await rollBack(attempt, service: service.name, reporter) }.value
            throw error
        }
        try await waitHealthy(created.containers, service: service.name, reporter)
    }

    func start(_ service: LabService, _ reporter: ActionReporter) async throws {
        var started: [(id: String, name: String)] = []
        for container in try await containers(of: service) {
            if container.state != .running {
                try await step(service.name, "start \(container.name)", reporter) { try await client.startContainer(container.id) }
            }
            started.append((container.id, container.name))
        }
        try await waitHealthy(started, service: service.name, reporter)
    }

    func stop(_ service: LabService, _ reporter: ActionReporter) async throws {
        for container in try await containers(of: service).reversed() where container.state != .exited && container.state != .created {
            try await step(service.name, "stop \(container.name)", reporter) {
                try await client.stopContainer(container.id, seconds: grace(of: container, in: service))
            }
        }
    }

    func restart(_ service: LabService, _ reporter: ActionReporter) async throws {
        var restarted: [(id: String, name: String)] = []
        for container in try await containers(of: service) {
            try await step(service.name, "restart \(container.name)", reporter) {
                try await client.restartContainer(container.id, seconds: grace(of: container, in: service))
            }
            restarted.append((container.id, container.name))
        }
        try await waitHealthy(restarted, service: service.name, reporter)
    }

    func remove(_ service: LabService, volumes: [String], _ reporter: ActionReporter) async throws {
        for container in try await containers(of: service).reversed() {
            try await step(service.name, "remove \(container.name)", reporter) { try await client.removeContainer(container.id, force: true) }
        }
        for volume in volumes {
            do {
                try await step(service.name, "delete volume \(volume)", reporter) { try await client.removeVolume(volume) }
            } catch let failure as ActionFailure where failure.wasNotFound {
                reporter.emit(service.name, .info, "volume \(volume) was not there")
            }
        }
    }

    /// The component's stop grace period, compose's 10 s unless the catalog says otherwise.
    private func grace(of container: ContainerStatus, in service: LabService) -> Int {
        let component = service.components.first { $0.name == container.component }
        return Int((component?.stopGracePeriod ?? 10).rounded(.up))
    }

    /// What one install attempt made, to undo when it fails.
    struct Attempt: Sendable {
        var containers: [(id: String, name: String)] = []
        var volumes: [String] = []
        var network = false
    }

    private func rollBack(_ attempt: Attempt, service: String, _ reporter: ActionReporter) async {
        var undone: [String] = []
        for container in attempt.containers.reversed() {
            do {
                try await client.removeContainer(container.id, force: true)
                undone.append(container.name)
            } catch {
                reporter.emit(service, .failed, "could not remove \(container.name) after the failure: \(error)")
            }
        }
        for volume in attempt.volumes {
            do {
                try await client.removeVolume(volume)
                undone.append("volume \(volume)")
            } catch {
                reporter.emit(service, .failed, "could not remove volume \(volume) after the failure: \(error)")
            }
        }
        if attempt.network {
            do {
                try await client.removeNetwork(catalog.networkName)
                undone.append("network \(catalog.networkName)")
            } catch {
                // Another install may have attached a container to it meanwhile: then it stays.
                reporter.emit(service, .info, "kept network \(catalog.networkName): \(error)")
            }
        }
        if !undone.isEmpty {
            reporter.emit(service, .info, "removed \(undone.joined(separator: ", ")), which this attempt created: the install can be run again")
        }
    }

    /// True when this call made the network (it was not there).
    private func ensureNetwork(_ service: String, _ reporter: ActionReporter) async throws -> Bool {
        let name = catalog.networkName
        // The engine's name filter matches substrings: compare exactly.
        if try await client.listNetworks(filters: ["name": [name]]).contains(where: { $0.name == name }) { return false }
        if catalog.networkIsExternal {
            reporter.emit(service, .failed, "the external network \(name) does not exist: create it first (ailab never creates or removes an external network)")
            throw ActionFailure(message: "the external network \(name) does not exist")
        }
        do {
            try await step(service, "create network \(name)", reporter) {
                _ = try await client.createNetwork(name: name, labels: [ComposeLabel.project: catalog.name, "com.docker.compose.network": "default"])
            }
            return true
        } catch let failure as ActionFailure where failure.wasConflict {
            // Another console made it between our look and our create: theirs. The engine answers
            // 409 for a taken network name (moby's libnetwork NetworkNameError is a Conflict).
            return false
        }
    }

    private func volumeExists(_ name: String) async throws -> Bool {
        try await client.listVolumes(filters: ["name": [name]]).contains { $0.name == name }
    }

    private func ensureImage(_ image: String, service: String, _ reporter: ActionReporter) async throws {
        if try await client.hasImage(image) { return }
        reporter.emit(service, .started, "pull \(image)")
        var status = PullStatus(image: image)
        var lastReport = ContinuousClock.now
        do {
            for try await line in try await client.pull(image) {
                status.apply(line)
                // At most ten progress events a second: the screen and the line need no more.
                if !status.layers.isEmpty, ContinuousClock.now - lastReport >= .milliseconds(100) {
                    lastReport = .now
                    reporter.emit(service, .progress, status.summary, pull: status)
                }
            }
        } catch let error as DockerError where !error.isConnectionFailure {
            let message = "pull \(image): \(error.engineMessage)"
            reporter.emit(service, .failed, message)
            throw ActionFailure(message: message)
        }
        try Task.checkCancellation()  // a cancelled pull ends its stream quietly
        let size = status.total > 0 ? PullStatus.bytes(status.total) : "its layers were already here"
        reporter.emit(service, .done, "pulled \(image) (\(size))", pull: status)
    }

    var catalogDirectory: String {
        catalog.source.hasPrefix("/") ? Path.parent(catalog.source) : FileManager.default.currentDirectoryPath
    }
}
