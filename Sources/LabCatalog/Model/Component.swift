/// One container of a service: a compose service of the catalog file.
public struct Component: Sendable, Equatable {
    /// The compose service name, which the engine's `com.docker.compose.service` label carries.
    public var name: String
    public var image: String
    public var ports: [PortSpec] = []
    public var volumes: [VolumeMount] = []
    public var environment: [EnvVar] = []
    public var healthcheck: HealthcheckSpec?
    public var command: [String]?
    public var entrypoint: [String]?
    /// Compose services (of this file) this component depends on.
    public var dependsOn: [String] = []
    public var restart: String?
    public var user: String?
    public var capAdd: [String] = []
    public var devices: [String] = []
    public var containerName: String?
    public var labels: [String: String] = [:]
    /// Seconds a stop waits after the stop signal before the engine kills (compose's default 10).
    public var stopGracePeriod: Double?
    public var stopSignal: String?
    /// Edges to other services (`x-ailab.wires`), applied by `wired(to:)`.
    public var wires: [Wire] = []
    /// Files mounted read-only (compose's `configs`).
    public var configs: [ConfigFile] = []
    /// Devices it reserves (GPUs), from `deploy.resources.reservations.devices` or `gpus:`; not applied yet.
    public var deviceReservations: [DeviceReservation] = []
    /// What its ports are, for who may reach them (`x-ailab.exposure`; by default from the layer).
    public var exposure = ExposurePolicy()
    /// How it runs as a Swarm service (`deploy.replicas`, `deploy.placement.constraints`, `x-ailab.swarm`).
    public var swarm = SwarmDeploy()

    public init(name: String, image: String) {
        self.name = name
        self.image = image
    }
}
