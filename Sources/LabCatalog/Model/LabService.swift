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
