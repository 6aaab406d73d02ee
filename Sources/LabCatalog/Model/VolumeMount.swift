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
