import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabCatalog

/// One component as the engine will be asked to create it: name, labels, config hash, and
/// the create body once the environment is resolved.
public struct ContainerBlueprint: Sendable {
    public var service: String
    public var component: Component
    public var project: String
    /// `<project>-<component>-1`, compose's default, unless the catalog names the container.
    public var containerName: String
    /// Hash of the component as the catalog writes it (variables unexpanded, so secrets never
    /// enter it): a container whose label differs has drifted from the catalog.
    public var configHash: String
    /// Engine volume names for the component's named volumes (`<project>_<name>`, as compose).
    public var volumeNames: [String]
    /// Where a relative host path is relative to: the catalog file's directory.
    public var catalogDirectory: String
    /// The lab's config directory: config files are written to `<it>/<project>/<name>`.
    public var configDirectory = ""

    public init(service: String, component: Component, project: String, catalogDirectory: String) {
        self.service = service
        self.component = component
        self.project = project
        self.catalogDirectory = catalogDirectory
        containerName = component.containerName ?? "\(project)-\(component.name)-1"
        configHash = Self.hash(of: component)
        // External volumes are used as they are: never created (nor removed) by the lab.
        volumeNames = component.volumes.filter { $0.isNamedVolume && !$0.external }.map { $0.engineName ?? "\(project)_\($0.source)" }
    }

    public var labels: [String: String] {
        var labels = component.labels
        labels[ComposeLabel.project] = project
        labels[ComposeLabel.service] = component.name
        labels[ComposeLabel.containerNumber] = "1"
        labels[ComposeLabel.oneoff] = "False"
        labels[ComposeLabel.configHash] = configHash
        labels[ComposeLabel.dependsOn] = component.dependsOn.map { "\($0):service_started:false" }.joined(separator: ",")
        return labels
    }

    /// The create body; `resolve` turns each catalog value into its final text (interpolation).
    public func spec(network: String, resolve: (String, String) throws(InterpolationError) -> String) throws(InterpolationError) -> ContainerSpec {
        var spec = ContainerSpec(image: component.image)
        let what = "\(component.name)"
        if let command = component.command {
            spec.cmd = []
            for item in command { spec.cmd?.append(try resolve(item, "\(what) command")) }
        }
        if let entrypoint = component.entrypoint {
            spec.entrypoint = []
            for item in entrypoint { spec.entrypoint?.append(try resolve(item, "\(what) entrypoint")) }
        }
        for variable in component.environment {
            spec.env.append("\(variable.name)=\(try resolve(variable.value ?? "${\(variable.name)}", "\(what) environment \(variable.name)"))")
        }
        spec.labels = labels
        spec.user = component.user
        spec.stopSignal = component.stopSignal
        spec.stopTimeout = component.stopGracePeriod.map { Int($0.rounded(.up)) }
        if let check = component.healthcheck {
            spec.healthcheck = .init(
                test: check.test, interval: check.interval.map(Self.nanoseconds), timeout: check.timeout.map(Self.nanoseconds),
                retries: check.retries, startPeriod: check.startPeriod.map(Self.nanoseconds))
        }
        for port in component.ports {
            if let host = port.host {
                spec.publish(containerPort: port.container, proto: port.proto, hostPort: host, hostIP: port.hostIP ?? "")
            } else {
                spec.exposedPorts["\(port.container)/\(port.proto)"] = .init()
            }
        }
        spec.hostConfig.binds = component.volumes.map(bind) + component.configs.map { "\(configPath($0)):\($0.target):ro" }
        if let restart = component.restart { spec.hostConfig.restart(restart) }
        spec.hostConfig.networkMode = network
        if !component.capAdd.isEmpty { spec.hostConfig.capAdd = component.capAdd }
        if !component.devices.isEmpty {
            spec.hostConfig.devices = component.devices.map { device in
                let parts = device.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                return .init(pathOnHost: parts[0], pathInContainer: parts.count > 1 ? parts[1] : parts[0])
            }
        }
        // Services reach each other by compose service name on the lab network.
        spec.networkingConfig = .init(network: network, aliases: [component.name])
        return spec
    }

    private func bind(_ mount: VolumeMount) -> String {
        var source = mount.source
        if mount.isNamedVolume {
            source = mount.engineName ?? "\(project)_\(mount.source)"
        } else if source.hasPrefix("~/") {
            source = Path.home(ProcessInfo.processInfo.environment) + source.dropFirst()
        } else if source.hasPrefix(".") {
            source = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: catalogDirectory, isDirectory: true)).standardizedFileURL.path
        }
        return "\(source):\(mount.target)\(mount.readOnly ? ":ro" : "")"
    }

    /// Where the install writes `config` for the engine to mount.
    public func configPath(_ config: ConfigFile) -> String { "\(configDirectory)/\(project)/\(config.name)" }

    /// Cached per component value (`ConfigHashCache`): every snapshot asks again.
    public static func hash(of component: Component) -> String { ConfigHashCache.hash(of: component) }

    private static func nanoseconds(_ seconds: Double) -> Int64 { Int64(seconds * 1_000_000_000) }

    /// Every field that shapes the container, in a fixed order, as the catalog writes it.
    static func canonical(_ c: Component) -> String {
        var lines = ["image=\(c.image)"]
        lines.append("command=\(c.command ?? [])")
        lines.append("entrypoint=\(c.entrypoint ?? [])")
        lines += c.environment.map { "env \($0.name)=\($0.value ?? "${\($0.name)}")" }
        lines += c.ports.map { "port \($0.hostIP ?? ""):\($0.host.map(String.init) ?? ""):\($0.container)/\($0.proto)" }
        lines += c.volumes.map { "volume \($0.source):\($0.target):\($0.readOnly)" }
        // The content, not the path: a changed file is a changed container.
        lines += c.configs.map { "config \($0.name):\($0.target) \(SHA256.hex($0.content))" }
        if let h = c.healthcheck {
            lines.append("healthcheck \(h.test) \(h.interval ?? 0) \(h.timeout ?? 0) \(h.retries ?? 0) \(h.startPeriod ?? 0)")
        }
        lines.append("restart=\(c.restart ?? "")")
        lines.append("user=\(c.user ?? "")")
        lines += c.capAdd.map { "cap \($0)" } + c.devices.map { "device \($0)" }
        lines += c.labels.sorted { $0.key < $1.key }.map { "label \($0.key)=\($0.value)" }
        lines.append("depends_on=\(c.dependsOn)")
        if let grace = c.stopGracePeriod { lines.append("stop_grace_period=\(grace)") }
        if let signal = c.stopSignal { lines.append("stop_signal=\(signal)") }
        return lines.joined(separator: "\n")
    }
}
