/// One service of the lab as a person names it ("dify"), made of one or more containers.
public struct LabService: Sendable, Equatable {
    public var name: String
    public var title: String
    public var summary: String
    /// nil for a service of a plain compose file with no `x-ailab.layer`: shown as unassigned.
    public var layer: Layer?
    public var phase: Int?
    /// Other lab services this one needs running first (from `depends_on`, outside its own components).
    public var dependencies: [String]
    /// The containers, primary first, in the order they start.
    public var components: [Component]
    public var probe: Probe?
    /// `x-ailab.engine`: where an install goes when several engines are watched; nil: the default.
    public var engine: String?

    public var primary: Component { components[0] }

    /// Every host port the service publishes, in declaration order.
    public var ports: [PortSpec] { components.flatMap(\.ports) }
    /// The environment variables that hold secrets, across components.
    public var secretNames: [String] { components.flatMap { $0.environment.filter(\.isSecret).map(\.name) } }

    public init(
        name: String, title: String, summary: String = "", layer: Layer?, phase: Int?, dependencies: [String] = [],
        components: [Component], probe: Probe? = nil
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.layer = layer
        self.phase = phase
        self.dependencies = dependencies
        self.components = components
        self.probe = probe
    }
}

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

/// A device the component reserves (a GPU, mostly): `count` nil means all.
public struct DeviceReservation: Sendable, Hashable {
    public var driver: String?
    public var count: Int?
    public var deviceIDs: [String] = []
    public var capabilities: [String] = []

    public init(driver: String? = nil, count: Int? = nil, deviceIDs: [String] = [], capabilities: [String] = []) {
        self.driver = driver
        self.count = count
        self.deviceIDs = deviceIDs
        self.capabilities = capabilities
    }
}

/// A published port: `host` on the machine → `container` inside.
public struct PortSpec: Sendable, Hashable {
    public var host: Int?
    public var container: Int
    public var proto: String
    public var hostIP: String?

    public init(host: Int?, container: Int, proto: String = "tcp", hostIP: String? = nil) {
        self.host = host
        self.container = container
        self.proto = proto
        self.hostIP = hostIP
    }
}

/// A mount: a named volume (lab-managed) or a host path.
public struct VolumeMount: Sendable, Hashable {
    public var source: String
    public var target: String
    public var readOnly: Bool
    /// The engine's name when the top-level `volumes:` gives one (`name:`, or `external: true`).
    public var engineName: String?
    /// Declared `external: true`: made outside the lab, never created or removed by ailab.
    public var external = false

    public init(source: String, target: String, readOnly: Bool = false) {
        self.source = source
        self.target = target
        self.readOnly = readOnly
    }

    /// Compose's rule: a source that is not a path names a volume.
    public var isNamedVolume: Bool { !source.isEmpty && !source.hasPrefix("/") && !source.hasPrefix(".") && !source.hasPrefix("~") }
}

/// An environment variable; a secret one is never shown.
public struct EnvVar: Sendable, Hashable {
    public var name: String
    public var value: String?
    /// nil for an ordinary variable.
    public var secret: SecretSpec?

    public init(name: String, value: String?, secret: SecretSpec? = nil) {
        self.name = name
        self.value = value
        self.secret = secret
    }

    public var isSecret: Bool { secret != nil }
}

/// How a secret comes to be: generated on first install, or provided by the person.
public struct SecretSpec: Sendable, Hashable {
    /// Hex characters to generate (64 = 32 random bytes).
    public var length: Int
    /// True for credentials only the person can give (a tunnel token, an auth key).
    public var provided: Bool

    public init(length: Int = 64, provided: Bool = false) {
        self.length = length
        self.provided = provided
    }
}

/// A Docker healthcheck, in compose's terms; durations in seconds.
public struct HealthcheckSpec: Sendable, Equatable {
    public var test: [String]
    public var interval: Double?
    public var timeout: Double?
    public var retries: Int?
    public var startPeriod: Double?

    public init(test: [String], interval: Double? = nil, timeout: Double? = nil, retries: Int? = nil, startPeriod: Double? = nil) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
    }
}

/// An app-level HTTP probe, made from the host: `GET http://127.0.0.1:port/path` answers one of `expect`.
public struct Probe: Sendable, Equatable {
    public var path: String
    /// The host port; the service's first published port when the catalog gives none.
    public var port: Int
    public var expect: StatusSet
    /// Seconds between runs while the console is open (`interval`, default 30 s).
    public var interval: Double

    public init(path: String, port: Int, expect: StatusSet = .success, interval: Double = 30) {
        self.path = path
        self.port = port
        self.expect = expect
        self.interval = interval
    }
}

/// HTTP statuses a probe accepts: `200`, `[200, 429]`, `"200-499"`.
public struct StatusSet: Sendable, Equatable, CustomStringConvertible {
    public var ranges: [ClosedRange<Int>]

    public init(_ ranges: [ClosedRange<Int>]) { self.ranges = ranges }

    public static let success = StatusSet([200...299])

    public func accepts(_ status: Int) -> Bool { ranges.contains { $0.contains(status) } }

    public var description: String {
        ranges.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }
}
