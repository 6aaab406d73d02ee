/// The parts of `GET /containers/{id}/json` the lab uses.
public struct ContainerInspect: Decodable, Sendable {
    public var id: String
    public var name: String
    public var created: String
    public var image: String
    public var state: State
    public var config: Config
    public var restartCount: Int
    /// `no`, `always`, `unless-stopped`, `on-failure`; empty when the engine did not say.
    public var restartPolicy: String
    /// What is mounted where (`Mounts`): the lab's map reads its config files from here.
    public var mounts: [Mount]

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", created = "Created", image = "Image", state = "State", config = "Config"
        case restartCount = "RestartCount", hostConfig = "HostConfig", mounts = "Mounts"
    }

    /// One entry of `Mounts` (https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Container/operation/ContainerInspect).
    public struct Mount: Decodable, Sendable {
        public var source: String
        public var destination: String

        enum CodingKeys: String, CodingKey { case source = "Source", destination = "Destination" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
            destination = try c.decodeIfPresent(String.self, forKey: .destination) ?? ""
        }
    }

    private struct HostConfig: Decodable {
        var restartPolicy: RestartPolicy?
        enum CodingKeys: String, CodingKey { case restartPolicy = "RestartPolicy" }
    }

    private struct RestartPolicy: Decodable {
        var name: String?
        enum CodingKeys: String, CodingKey { case name = "Name" }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        created = try c.decodeIfPresent(String.self, forKey: .created) ?? ""
        image = try c.decodeIfPresent(String.self, forKey: .image) ?? ""
        state = try c.decode(State.self, forKey: .state)
        config = try c.decodeIfPresent(Config.self, forKey: .config) ?? Config()
        restartCount = try c.decodeIfPresent(Int.self, forKey: .restartCount) ?? 0
        restartPolicy = (try c.decodeIfPresent(HostConfig.self, forKey: .hostConfig))?.restartPolicy?.name ?? ""
        mounts = (try? c.decodeIfPresent([Mount].self, forKey: .mounts)) ?? []
    }

    public struct State: Decodable, Sendable {
        public var status: String
        public var running: Bool
        public var paused: Bool
        public var restarting: Bool
        public var oomKilled: Bool
        public var dead: Bool
        public var exitCode: Int
        public var error: String
        public var startedAt: String
        public var finishedAt: String
        public var health: Health?

        enum CodingKeys: String, CodingKey {
            case status = "Status", running = "Running", paused = "Paused", restarting = "Restarting"
            case oomKilled = "OOMKilled", dead = "Dead", exitCode = "ExitCode", error = "Error"
            case startedAt = "StartedAt", finishedAt = "FinishedAt", health = "Health"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decodeIfPresent(String.self, forKey: .status) ?? ""
            running = try c.decodeIfPresent(Bool.self, forKey: .running) ?? false
            paused = try c.decodeIfPresent(Bool.self, forKey: .paused) ?? false
            restarting = try c.decodeIfPresent(Bool.self, forKey: .restarting) ?? false
            oomKilled = try c.decodeIfPresent(Bool.self, forKey: .oomKilled) ?? false
            dead = try c.decodeIfPresent(Bool.self, forKey: .dead) ?? false
            exitCode = try c.decodeIfPresent(Int.self, forKey: .exitCode) ?? 0
            error = try c.decodeIfPresent(String.self, forKey: .error) ?? ""
            startedAt = try c.decodeIfPresent(String.self, forKey: .startedAt) ?? ""
            finishedAt = try c.decodeIfPresent(String.self, forKey: .finishedAt) ?? ""
            health = try c.decodeIfPresent(Health.self, forKey: .health)
        }
    }

    public struct Health: Decodable, Sendable {
        public var status: String
        public var failingStreak: Int
        public var log: [HealthLog]

        enum CodingKeys: String, CodingKey { case status = "Status", failingStreak = "FailingStreak", log = "Log" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decodeIfPresent(String.self, forKey: .status) ?? "none"
            failingStreak = try c.decodeIfPresent(Int.self, forKey: .failingStreak) ?? 0
            log = try c.decodeIfPresent([HealthLog].self, forKey: .log) ?? []
        }
    }

    /// One health-check run; the engine keeps the last five, output cut at 4 KiB.
    public struct HealthLog: Decodable, Sendable {
        public var start: String
        public var end: String
        public var exitCode: Int
        public var output: String

        enum CodingKeys: String, CodingKey { case start = "Start", end = "End", exitCode = "ExitCode", output = "Output" }
    }

    public struct Config: Decodable, Sendable {
        public var image: String = ""
        public var env: [String] = []
        public var labels: [String: String] = [:]
        /// `Entrypoint` then `Cmd`: the process's arguments (either may be null or absent).
        public var arguments: [String] = []

        enum CodingKeys: String, CodingKey { case image = "Image", env = "Env", labels = "Labels", cmd = "Cmd", entrypoint = "Entrypoint" }

        init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            image = try c.decodeIfPresent(String.self, forKey: .image) ?? ""
            env = try c.decodeIfPresent([String].self, forKey: .env) ?? []
            labels = try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
            let entrypoint = (try? c.decodeIfPresent([String].self, forKey: .entrypoint)) ?? nil
            let cmd = (try? c.decodeIfPresent([String].self, forKey: .cmd)) ?? nil
            arguments = (entrypoint ?? []) + (cmd ?? [])
        }
    }
}
