/// What `POST /services/create` takes (Engine API "ServiceSpec"): a container spec, placement
/// constraints, networks, secrets mounted as files, a replicated mode and published ports.
/// Only the fields ailab sets. https://docs.docker.com/reference/api/engine/version/v1.57/operations/ServiceCreate/
public struct SwarmServiceSpec: Encodable, Sendable {
    public var name: String
    public var labels: [String: String]
    public var taskTemplate: TaskTemplate
    public var mode: Mode
    public var endpointSpec: EndpointSpec?

    public init(name: String, labels: [String: String], container: ContainerPart, replicas: Int) {
        self.name = name
        self.labels = labels
        taskTemplate = TaskTemplate(containerSpec: container)
        mode = Mode(replicated: .init(replicas: replicas))
    }

    public struct TaskTemplate: Encodable, Sendable {
        public var containerSpec: ContainerPart
        public var placement = Placement(constraints: [])
        public var networks: [NetworkAttachment] = []
        enum CodingKeys: String, CodingKey { case containerSpec = "ContainerSpec", placement = "Placement", networks = "Networks" }
    }

    public struct ContainerPart: Encodable, Sendable {
        public var image: String
        public var labels: [String: String] = [:]
        public var command: [String]?
        public var args: [String]?
        public var env: [String] = []
        public var user: String?
        public var healthcheck: ContainerSpec.Healthcheck?
        public var stopSignal: String?
        /// Nanoseconds.
        public var stopGracePeriod: Int64?
        public var mounts: [Mount] = []
        public var secrets: [SecretReference] = []

        public init(image: String) { self.image = image }

        enum CodingKeys: String, CodingKey {
            case image = "Image", labels = "Labels", command = "Command", args = "Args", env = "Env", user = "User"
            case healthcheck = "HealthCheck", stopSignal = "StopSignal", stopGracePeriod = "StopGracePeriod", mounts = "Mounts", secrets = "Secrets"
        }
    }

    /// `volume` (named, made on the node the task lands on) or `bind`.
    public struct Mount: Encodable, Sendable {
        public var type: String
        public var source: String
        public var target: String
        public var readOnly: Bool
        public init(type: String, source: String, target: String, readOnly: Bool = false) {
            (self.type, self.source, self.target, self.readOnly) = (type, source, target, readOnly)
        }
        enum CodingKeys: String, CodingKey { case type = "Type", source = "Source", target = "Target", readOnly = "ReadOnly" }
    }

    /// A Swarm secret mounted at /run/secrets/<file> (mode 0400, root).
    public struct SecretReference: Encodable, Sendable {
        public var secretID: String
        public var secretName: String
        public var file: File
        public init(id: String, name: String, file: String) {
            secretID = id
            secretName = name
            self.file = File(name: file, uid: "0", gid: "0", mode: 0o400)
        }
        public struct File: Encodable, Sendable {
            let name, uid, gid: String
            let mode: Int
            enum CodingKeys: String, CodingKey { case name = "Name", uid = "UID", gid = "GID", mode = "Mode" }
        }
        enum CodingKeys: String, CodingKey { case secretID = "SecretID", secretName = "SecretName", file = "File" }
    }

    public struct Placement: Encodable, Sendable {
        public var constraints: [String]
        enum CodingKeys: String, CodingKey { case constraints = "Constraints" }
    }

    public struct NetworkAttachment: Encodable, Sendable {
        public var target: String
        public var aliases: [String]
        public init(target: String, aliases: [String]) { (self.target, self.aliases) = (target, aliases) }
        enum CodingKeys: String, CodingKey { case target = "Target", aliases = "Aliases" }
    }

    public struct Mode: Encodable, Sendable {
        public var replicated: Replicated
        public struct Replicated: Encodable, Sendable {
            public var replicas: Int
            enum CodingKeys: String, CodingKey { case replicas = "Replicas" }
        }
        enum CodingKeys: String, CodingKey { case replicated = "Replicated" }
    }

    /// Published through the routing mesh (ingress), as `docker stack deploy` does by default.
    public struct EndpointSpec: Encodable, Sendable {
        public var ports: [Port]
        public init(ports: [Port]) { self.ports = ports }
        public struct Port: Encodable, Sendable {
            public var proto: String
            public var targetPort: Int
            public var publishedPort: Int
            public init(proto: String, targetPort: Int, publishedPort: Int) { (self.proto, self.targetPort, self.publishedPort) = (proto, targetPort, publishedPort) }
            enum CodingKeys: String, CodingKey { case proto = "Protocol", targetPort = "TargetPort", publishedPort = "PublishedPort" }
        }
        enum CodingKeys: String, CodingKey { case ports = "Ports" }
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", labels = "Labels", taskTemplate = "TaskTemplate", mode = "Mode", endpointSpec = "EndpointSpec"
    }
}
