/// One edge of the lab's integration map, kept on the component that needs the other end
/// (`x-ailab.wires`): the environment that points it there. It applies only while the other
/// end is installed, so a lone service never points at something that is not there.
public struct Wire: Sendable, Equatable {
    /// The lab service at the other end.
    public var to: String
    /// Set on this component while `to` is installed; a name here overrides the component's own.
    public var environment: [EnvVar]
    /// Mounted while `to` is installed, in place of the component's own file at the same target
    /// (LiteLLM's config with Langfuse's callback turned on, say).
    public var configs: [ConfigFile] = []

    public init(to: String, environment: [EnvVar], configs: [ConfigFile] = []) {
        self.to = to
        self.environment = environment
        self.configs = configs
    }
}

extension Component {
    /// This component as it runs beside the `installed` services: the environment of every wire
    /// whose other end is among them, merged in. The wires themselves are dropped, so the
    /// config hash of the result changes exactly when a wire starts or stops applying.
    public func wired(to installed: Set<String>) -> Component {
        var result = self
        result.wires = []
        for wire in wires where installed.contains(wire.to) {
            for variable in wire.environment {
                if let index = result.environment.firstIndex(where: { $0.name == variable.name }) {
                    result.environment[index].value = variable.value
                } else {
                    result.environment.append(variable)
                }
            }
            for config in wire.configs {
                result.configs.removeAll { $0.target == config.target }
                result.configs.append(config)
            }
        }
        return result
    }

    /// The services this component has wires to.
    public var wiredTo: [String] { wires.map(\.to) }
}

extension LabService {
    /// Every component wired for the `installed` services (see `Component.wired(to:)`).
    public func wired(to installed: Set<String>) -> LabService {
        var result = self
        result.components = components.map { $0.wired(to: installed) }
        return result
    }

    /// Components with a wire to `service`.
    public func components(wiredTo service: String) -> [String] {
        components.filter { $0.wiredTo.contains(service) }.map(\.name)
    }
}
