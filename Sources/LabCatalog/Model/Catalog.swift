/// The lab as data: what should exist. Loaded from a compose file with `x-ailab` fields.
public struct Catalog: Sendable, Equatable {
    /// The compose project name; containers carry it in `com.docker.compose.project`.
    public var name: String
    public var title: String
    /// Services in file order.
    public var services: [LabService]
    public var roadmap: Roadmap
    /// Named volumes the file declares at the top level.
    public var volumes: [String]
    /// Where it came from: a path, or "built-in".
    public var source: String
    /// Problems that did not stop loading (unknown keys, port clashes).
    public var warnings: [CatalogDiagnostic]

    public init(
        name: String, title: String, services: [LabService], roadmap: Roadmap = Roadmap(), volumes: [String] = [],
        source: String, warnings: [CatalogDiagnostic] = []
    ) {
        self.name = name
        self.title = title
        self.services = services
        self.roadmap = roadmap
        self.volumes = volumes
        self.source = source
        self.warnings = warnings
    }

    public func service(named name: String) -> LabService? { services.first { $0.name == name } }

    /// The lab service a compose service (component) belongs to.
    public func service(ofComponent component: String) -> LabService? {
        services.first { $0.components.contains { $0.name == component } }
    }

    public func services(in layer: Layer?) -> [LabService] { services.filter { $0.layer == layer } }

    /// The network compose would create for this project, so `docker compose` and ailab agree.
    public var networkName: String { "\(name)_default" }
}
