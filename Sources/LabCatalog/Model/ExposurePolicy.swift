/// What a published port is, for the question "who may reach it": the lab's knowledge, not the
/// engine's. A data store or a model API is never meant to be reached from beyond this host
/// without credentials; an admin interface must ask for them; a web app or the lab's front
/// door (Traefik's entrypoints) may be reached on purpose.
public enum ExposureKind: String, Sendable, CaseIterable, Codable {
    case dataStore = "data-store"
    case modelAPI = "model-api"
    case admin
    case app
    case entry

    /// A data store or a model API: reachable beyond loopback only behind credentials.
    public var isSensitive: Bool { self == .dataStore || self == .modelAPI }

    /// The kind a layer implies when the catalog says nothing (`x-ailab.exposure`).
    public static func implied(by layer: Layer?) -> ExposureKind {
        switch layer {
        case .data: return .dataStore
        case .gateway: return .modelAPI
        case .publicAccess: return .entry
        case .app, .observability, nil: return .app
        }
    }
}

/// A component's `x-ailab.exposure`: a kind for all its ports (`exposure: admin`), or
/// `{kind, ports: {8080: admin}, auth-path: /api}` with kinds per container port and the path
/// of the one unauthenticated request that tells whether it asks for credentials.
public struct ExposurePolicy: Sendable, Equatable {
    public var kind: ExposureKind?
    /// Container port → kind, overriding `kind`.
    public var ports: [Int: ExposureKind]
    /// Where the unauthenticated GET goes (`/` unless the catalog says otherwise).
    public var authPath: String

    public init(kind: ExposureKind? = nil, ports: [Int: ExposureKind] = [:], authPath: String = "/") {
        self.kind = kind
        self.ports = ports
        self.authPath = authPath
    }

    /// The kind of one container port of a component of a service in `layer`.
    public func kind(ofContainerPort port: Int, layer: Layer?) -> ExposureKind {
        ports[port] ?? kind ?? ExposureKind.implied(by: layer)
    }
}
