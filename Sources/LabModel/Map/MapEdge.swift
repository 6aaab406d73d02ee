import LabCatalog

/// One edge of the roadmap's integration map (public access → Traefik → applications → gateway
/// → data, observability beside): `from` uses `to`. It is found in the catalog (see
/// `EdgeFinder`) with what a running container must carry for it to be wired.
public struct MapEdge: Sendable, Equatable {
    /// The service that uses the other end (Open WebUI of Qdrant, Traefik of Open WebUI).
    public var from: String
    /// The service that must answer.
    public var to: String
    /// The service whose containers carry the wiring: `from`, except for a Traefik route, which
    /// the application's labels declare.
    public var holder: String
    /// What the holder's containers must carry, in catalog order (each names its component).
    public var evidence: [EdgeEvidence]

    public init(from: String, to: String, holder: String, evidence: [EdgeEvidence]) {
        self.from = from
        self.to = to
        self.holder = holder
        self.evidence = evidence
    }

    /// The holder's components that carry it (Dify's api and worker both use Qdrant).
    public var components: [String] {
        var seen = Set<String>()
        return evidence.map(\.component).filter { seen.insert($0).inserted }
    }

    /// True when the edge comes from `x-ailab.wires` (applied only while `to` is installed).
    public var isWire: Bool { evidence.contains { $0.fromWire } }
}

/// One piece of configuration that makes an edge, as the catalog writes it. `expected` may hold
/// a secret's `${NAME}`: it is compared, never printed (reports name only `kind` and `name`).
public struct EdgeEvidence: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// An environment variable (`name`) whose value points at the other end.
        case env
        /// A config file mounted at `name`, shipped as the catalog's config `expected`.
        case config
        /// A command-line argument (`expected`) naming the other end.
        case argument
        /// A Traefik router rule label (`name`) on the application.
        case route
        /// Only `depends_on`: nothing a container shows beyond existing.
        case dependsOn = "depends-on"
    }

    /// The holder's component whose container must carry it.
    public var component: String
    public var kind: Kind
    public var name: String
    public var expected: String
    /// From `x-ailab.wires` rather than the component's own settings.
    public var fromWire: Bool

    public init(component: String, kind: Kind, name: String, expected: String, fromWire: Bool = false) {
        self.component = component
        self.kind = kind
        self.name = name
        self.expected = expected
        self.fromWire = fromWire
    }

    /// How a person reads it: `env QDRANT_URI`, `config /app/config.yaml`; with its component
    /// when that is not the service's own (`dify-worker env QDRANT_URL`).
    public func label(holder: String) -> String {
        component == holder ? label : "\(component) \(label)"
    }

    var label: String {
        switch kind {
        case .env: return "env \(name)"
        case .config: return "config \(name)"
        case .argument: return "argument \(name)"
        case .route: return "label \(name)"
        case .dependsOn: return "depends_on \(name)"
        }
    }
}
