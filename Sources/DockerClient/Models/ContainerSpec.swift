/// The body of `POST /containers/create`: what the lab sets, in the engine's field names.
public struct ContainerSpec: Encodable, Sendable {
    public var image: String
    public var cmd: [String]?
    public var entrypoint: [String]?
    public var env: [String] = []
    public var labels: [String: String] = [:]
    public var exposedPorts: [String: Empty] = [:]
    public var healthcheck: Healthcheck?
    public var user: String?
    public var workingDir: String?
    public var stopSignal: String?
    /// Seconds the engine waits after the stop signal before it kills.
    public var stopTimeout: Int?
    public var hostConfig = HostConfig()
    public var networkingConfig: NetworkingConfig?

    public struct Empty: Encodable, Sendable { public init() {} }

    public struct Healthcheck: Encodable, Sendable {
        public var test: [String]
        /// Nanoseconds, as the engine wants them.
        public var interval: Int64?
        public var timeout: Int64?
        public var retries: Int?
        public var startPeriod: Int64?

        public init(test: [String], interval: Int64? = nil, timeout: Int64? = nil, retries: Int? = nil, startPeriod: Int64? = nil) {
            self.test = test
            self.interval = interval
            self.timeout = timeout
            self.retries = retries
            self.startPeriod = startPeriod
        }

        enum CodingKeys: String, CodingKey {
            case test = "Test", interval = "Interval", timeout = "Timeout", retries = "Retries", startPeriod = "StartPeriod"
        }
    }

    public struct HostBinding: Encodable, Sendable, Hashable {
        public var hostIp: String
        public var hostPort: String

        public init(hostIp: String = "", hostPort: String) {
            self.hostIp = hostIp
            self.hostPort = hostPort
        }

        enum CodingKeys: String, CodingKey { case hostIp = "HostIp", hostPort = "HostPort" }
    }

    public struct RestartPolicy: Encodable, Sendable {
        public var name: String
        enum CodingKeys: String, CodingKey { case name = "Name" }
    }

    public struct HostConfig: Encodable, Sendable {
        public var portBindings: [String: [HostBinding]] = [:]
        public var binds: [String] = []
        public var restartPolicy: RestartPolicy?
        public var networkMode: String?
        public var capAdd: [String]?
        public var devices: [Device]?

        public init() {}

        public mutating func restart(_ policy: String) { restartPolicy = RestartPolicy(name: policy) }

        enum CodingKeys: String, CodingKey {
            case portBindings = "PortBindings", binds = "Binds", restartPolicy = "RestartPolicy"
            case networkMode = "NetworkMode", capAdd = "CapAdd", devices = "Devices"
        }
    }

    public struct Device: Encodable, Sendable {
        public var pathOnHost: String
        public var pathInContainer: String
        public var cgroupPermissions = "rwm"

        public init(pathOnHost: String, pathInContainer: String) {
            self.pathOnHost = pathOnHost
            self.pathInContainer = pathInContainer
        }

        enum CodingKeys: String, CodingKey {
            case pathOnHost = "PathOnHost", pathInContainer = "PathInContainer", cgroupPermissions = "CgroupPermissions"
        }
    }

    public struct NetworkingConfig: Encodable, Sendable {
        public var endpointsConfig: [String: EndpointConfig]

        public init(network: String, aliases: [String]) {
            endpointsConfig = [network: EndpointConfig(aliases: aliases)]
        }

        enum CodingKeys: String, CodingKey { case endpointsConfig = "EndpointsConfig" }
    }

    public struct EndpointConfig: Encodable, Sendable {
        public var aliases: [String]
        enum CodingKeys: String, CodingKey { case aliases = "Aliases" }
    }

    public init(image: String) { self.image = image }

    /// Publishes `containerPort/proto` on `hostPort` (all addresses unless `hostIP` is given).
    public mutating func publish(containerPort: Int, proto: String = "tcp", hostPort: Int, hostIP: String = "") {
        let key = "\(containerPort)/\(proto)"
        exposedPorts[key] = Empty()
        hostConfig.portBindings[key, default: []].append(HostBinding(hostIp: hostIP, hostPort: String(hostPort)))
    }

    enum CodingKeys: String, CodingKey {
        case image = "Image", cmd = "Cmd", entrypoint = "Entrypoint", env = "Env", labels = "Labels"
        case exposedPorts = "ExposedPorts", healthcheck = "Healthcheck", user = "User", workingDir = "WorkingDir"
        case stopSignal = "StopSignal", stopTimeout = "StopTimeout"
        case hostConfig = "HostConfig", networkingConfig = "NetworkingConfig"
    }
}
