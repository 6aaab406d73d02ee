/// The lab as data: what should exist. Loaded from a compose file with `x-ailab` fields.
public struct Catalog: Sendable, Equatable {
    /// The compose project name; containers carry it in `com.docker.compose.project`.
    public var name: String
    public var title: String
    /// Services in file order.
    public var services: [LabService]
    public var roadmap: Roadmap
    /// Where it came from: a path, or "built-in".
    public var source: String
    /// Problems that did not stop loading (unknown keys, port clashes).
    public var warnings: [CatalogDiagnostic]

    public init(
        name: String, title: String, services: [LabService], roadmap: Roadmap = Roadmap(),
        source: String, warnings: [CatalogDiagnostic] = []
    ) {
        self.name = name
        self.title = title
        self.services = services
        self.roadmap = roadmap
        self.source = source
        self.warnings = warnings
    }

    public func service(named name: String) -> LabService? { services.first { $0.name == name } }

    /// The lab service a compose service (component) belongs to.
    public func service(ofComponent component: String) -> LabService? {
        services.first { $0.components.contains { $0.name == component } }
    }

    /// The top-level `networks.default` when the file names it (`name:`) or makes it `external`.
    public var defaultNetwork: DeclaredNetwork?

    /// The network compose would create for this project, so `docker compose` and ailab agree.
    public var networkName: String { defaultNetwork?.name ?? "\(name)_default" }

    /// An external network is made elsewhere: ailab never creates or removes it.
    public var networkIsExternal: Bool { defaultNetwork?.external ?? false }
}

/// A network the file declares: its engine name, and whether it is made elsewhere.
public struct DeclaredNetwork: Sendable, Equatable {
    public var name: String?
    public var external: Bool

    public init(name: String?, external: Bool) {
        self.name = name
        self.external = external
    }
}
