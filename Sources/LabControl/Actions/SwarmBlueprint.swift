import DockerClient
import LabCatalog
import LabModel

/// A component as a Swarm service of the lab's stack, built from the same create body a plain
/// install uses (`ContainerBlueprint`), so both read the catalog the same way. Named and
/// labelled as `docker stack deploy` does (`<stack>_<service>`, com.docker.stack.namespace).
/// Secrets leave the environment: each is a Swarm secret mounted at /run/secrets/NAME, and
/// NAME_FILE points there (the `_FILE` convention of official images, e.g. postgres).
struct SwarmBlueprint {
    let stack: String
    let component: Component
    let container: ContainerSpec

    var serviceName: String { SwarmState.serviceName(stack: stack, component: component.name) }
    var secretNames: Set<String> { Set(component.environment.filter(\.isSecret).map(\.name)) }

    /// Swarm secret name of one of the lab's secrets, unique per stack.
    func secretName(_ variable: String) -> String { "\(stack)_\(variable)" }

    /// The secrets to create: Swarm name and value, from the resolved environment.
    var secretValues: [(name: String, variable: String, value: String)] {
        container.env.compactMap { entry in
            let (name, value) = Self.split(entry)
            return secretNames.contains(name) ? (secretName(name), name, value) : nil
        }
    }

    func spec(network: String, secretIDs: [String: String]) -> SwarmServiceSpec {
        var part = SwarmServiceSpec.ContainerPart(image: container.image)
        let stackLabels = [SwarmState.stackLabel: stack, SwarmState.componentLabel: component.name]
        part.labels = stackLabels
        part.command = container.entrypoint
        part.args = container.cmd
        part.user = container.user
        part.healthcheck = container.healthcheck
        part.stopSignal = container.stopSignal
        part.stopGracePeriod = container.stopTimeout.map { Int64($0) * 1_000_000_000 }
        for entry in container.env {
            let (name, _) = Self.split(entry)
            if let id = secretIDs[secretName(name)] {
                part.secrets.append(.init(id: id, name: secretName(name), file: name))
                part.env.append("\(name)_FILE=/run/secrets/\(name)")
            } else {
                part.env.append(entry)
            }
        }
        part.mounts = container.hostConfig.binds.map(Self.mount)
        var spec = SwarmServiceSpec(
            name: serviceName, labels: container.labels.merging(stackLabels) { $1 }, container: part, replicas: component.swarm.replicas ?? 1)
        spec.taskTemplate.placement.constraints = component.swarm.constraints
        spec.taskTemplate.networks = [.init(target: network, aliases: [component.name])]
        let ports = container.hostConfig.portBindings.flatMap { key, bindings in
            bindings.compactMap { binding -> SwarmServiceSpec.EndpointSpec.Port? in
                let parts = key.split(separator: "/")
                guard let target = Int(parts[0]), let published = Int(binding.hostPort) else { return nil }
                return .init(proto: parts.count > 1 ? String(parts[1]) : "tcp", targetPort: target, publishedPort: published)
            }
        }.sorted { $0.publishedPort < $1.publishedPort }
        if !ports.isEmpty { spec.endpointSpec = .init(ports: ports) }
        return spec
    }

    /// `source:target[:ro]`: a named volume (made on the node the task lands on) or a host path.
    static func mount(_ bind: String) -> SwarmServiceSpec.Mount {
        let parts = bind.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let source = parts[0]
        let target = parts.count > 1 ? parts[1] : parts[0]
        let readOnly = parts.count > 2 && parts[2].split(separator: ",").contains("ro")
        return .init(type: source.hasPrefix("/") ? "bind" : "volume", source: source, target: target, readOnly: readOnly)
    }

    static func split(_ entry: String) -> (String, String) {
        guard let equals = entry.firstIndex(of: "=") else { return (entry, "") }
        return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
    }
}
