import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// Actions on a service deployed to Swarm: install creates its Swarm services in the lab's stack
/// (overlay network, secrets as Swarm secrets, placement and replicas from the catalog) and
/// waits for every replica; start and stop scale to the catalog's replicas and to 0; restart
/// scales to 0 and back; remove removes its services and secrets.
extension ActionRunner {
    func runSwarm(_ operation: PlanEntry.Operation, _ service: LabService, _ reporter: ActionReporter) async throws {
        switch operation {
        case .install(let components): try await installSwarm(service, components, reporter)
        case .recreate:
            // The planner never asks this of a Swarm service (drift is read from containers' labels).
            let message = "\(service.name) runs in Swarm: `ailab remove \(service.name)` then `ailab install \(service.name) --swarm` to deploy it anew"
            reporter.emit(service.name, .failed, message)
            throw ActionFailure(message: message)
        case .start: try await scale(service, toCatalog: true, reporter)
        case .stop: try await scale(service, toCatalog: false, reporter)
        case .restart:
            try await scale(service, toCatalog: false, reporter)
            try await scale(service, toCatalog: true, reporter)
        case .remove: try await removeSwarm(service, reporter)
        case .nothing(let why): reporter.emit(service.name, .info, why)
        }
    }

    private func installSwarm(_ service: LabService, _ names: [String], _ reporter: ActionReporter) async throws {
        let membership = try await client.swarmMembership()
        guard membership.isManager else {
            let message = "the engine is not a Swarm manager (join state \(membership.localNodeState)): run `docker swarm init` or watch a manager"
            reporter.emit(service.name, .failed, message)
            throw ActionFailure(message: message)
        }
        let network = try await ensureOverlay(service.name, reporter)
        var made: (services: [String], secrets: [String]) = ([], [])
        do {
            for component in service.components where names.contains(component.name) {
                let draft = ContainerBlueprint(service: service.name, component: component, project: catalog.name, catalogDirectory: catalogDirectory)
                let container: ContainerSpec
                do {
                    container = try draft.spec(network: network) { text, context throws(InterpolationError) in try resolver.resolve(text, context: context) }
                } catch {
                    reporter.emit(service.name, .failed, error.description)
                    throw ActionFailure(message: error.description)
                }
                reporter.refreshMask()
                let blueprint = SwarmBlueprint(stack: catalog.name, component: component, container: container)
                var secretIDs: [String: String] = [:]
                for secret in blueprint.secretValues {
                    if let existing = try await client.listSecrets(filters: ["name": [secret.name]]).first(where: { $0.name == secret.name }) {
                        secretIDs[secret.name] = existing.id  // Swarm secrets are immutable: the one there stays
                        continue
                    }
                    let id = try await step(service.name, "create Swarm secret \(secret.name)", reporter) {
                        try await client.createSecret(name: secret.name, value: Array(secret.value.utf8), labels: [SwarmState.stackLabel: catalog.name])
                    }
                    secretIDs[secret.name] = id
                    made.secrets.append(id)
                }
                let spec = blueprint.spec(network: network, secretIDs: secretIDs)
                let placed = component.swarm.constraints.isEmpty ? "" : " on \(component.swarm.constraints.joined(separator: ", "))"
                let id = try await step(service.name, "create Swarm service \(blueprint.serviceName)\(placed)", reporter) { try await client.createService(spec) }
                made.services.append(id)
            }
            try await waitReplicas(service, reporter)
        } catch {
            let undo = made
            await Task.detached {
                for id in undo.services { try? await client.removeService(id) }
                for id in undo.secrets { try? await client.removeSecret(id) }
            }.value
            if !undo.services.isEmpty { reporter.emit(service.name, .info, "removed the Swarm services this attempt created: the install can be run again") }
            throw error
        }
    }

    /// The stack's overlay network (`<project>_default`, as `docker stack deploy` names it), made
    /// when missing; a bridge of that name (plain installs on this engine) cannot carry Swarm services.
    private func ensureOverlay(_ service: String, _ reporter: ActionReporter) async throws -> String {
        let name = catalog.networkName
        if let existing = try await client.listNetworks(filters: ["name": [name]]).first(where: { $0.name == name }) {
            guard existing.driver == "overlay" else {
                let message = "network \(name) exists as a \(existing.driver) network (plain installs use it): a Swarm stack needs it as overlay; remove the lab's containers or use another project (-p)"
                reporter.emit(service, .failed, message)
                throw ActionFailure(message: message)
            }
            return name
        }
        try await step(service, "create overlay network \(name)", reporter) {
            _ = try await client.createOverlayNetwork(name: name, labels: [SwarmState.stackLabel: catalog.name, ComposeLabel.project: catalog.name])
        }
        return name
    }

    private func deployed(_ service: LabService) async throws -> [SwarmServiceStatus] {
        try await loader.current().status(of: service.name)?.swarm ?? []
    }

    private func scale(_ service: LabService, toCatalog: Bool, _ reporter: ActionReporter) async throws {
        for part in try await deployed(service) {
            let replicas = toCatalog ? part.catalogReplicas : 0
            try await step(service.name, "scale \(part.service.name) to \(replicas)", reporter) {
                try await client.scaleService(part.service.id, replicas: replicas)
            }
        }
        try await waitReplicas(service, reporter)
    }

    private func removeSwarm(_ service: LabService, _ reporter: ActionReporter) async throws {
        for part in try await deployed(service) {
            try await step(service.name, "remove Swarm service \(part.service.name)", reporter) { try await client.removeService(part.service.id) }
        }
        let names = service.components.flatMap { component in component.environment.filter(\.isSecret).map { "\(catalog.name)_\($0.name)" } }
        for secret in try await client.listSecrets(filters: ["label": ["\(SwarmState.stackLabel)=\(catalog.name)"]]) where names.contains(secret.name) {
            try await step(service.name, "remove Swarm secret \(secret.name)", reporter) { try await client.removeSecret(secret.id) }
        }
    }

    /// Waits until every Swarm service of `service` runs the replicas it asks for (none, after a
    /// scale to 0). A task's error that will not clear (no node may take it) ends the wait with it.
    private func waitReplicas(_ service: LabService, _ reporter: ActionReporter) async throws {
        let deadline = ContinuousClock.now + healthTimeout
        reporter.emit(service.name, .started, "wait for the replicas")
        while true {
            try Task.checkCancellation()
            let parts = try await deployed(service)
            let text = parts.map { "\($0.service.name) \($0.replicasText)" }.joined(separator: ", ")
            // At 0, done once no task's container still runs (Swarm marks them to shut down at once).
            if parts.allSatisfy({ $0.running == $0.desired && ($0.desired == 0 ? !$0.tasks.contains { $0.state == "running" } : $0.condition.condition.isUp) }) {
                reporter.emit(service.name, .done, "replicas \(text)")
                return
            }
            let stuck = parts.first { $0.condition.condition == .unhealthy || $0.condition.condition == .restarting }
            if ContinuousClock.now >= deadline {
                let why = stuck?.condition.detail ?? text
                let message = "\(service.name) did not reach its replicas within \(Elapsed.seconds(healthTimeout)): \(why)"
                reporter.emit(service.name, .failed, message)
                throw ActionFailure(message: message)
            }
            try await Task.sleep(for: max(pollInterval, .milliseconds(500)))
        }
    }
}
