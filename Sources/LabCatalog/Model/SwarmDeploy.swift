/// How a component runs as a Swarm service: compose's `deploy.replicas` and
/// `deploy.placement.constraints` (compose-spec deploy.md), and `x-ailab.swarm: true` to
/// deploy it to Swarm without `--swarm`. Plain installs ignore it, as `docker compose up` does.
public struct SwarmDeploy: Sendable, Equatable {
    /// `x-ailab.swarm`: install it as a Swarm service even without `ailab install --swarm`.
    public var enabled = false
    /// `deploy.replicas`; nil means one.
    public var replicas: Int?
    /// `deploy.placement.constraints`, e.g. `node.labels.gpu == true`.
    public var constraints: [String] = []

    public init(enabled: Bool = false, replicas: Int? = nil, constraints: [String] = []) {
        self.enabled = enabled
        self.replicas = replicas
        self.constraints = constraints
    }
}
