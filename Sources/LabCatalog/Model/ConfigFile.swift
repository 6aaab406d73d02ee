/// A file a service needs (compose's `configs`): the catalog ships it, ailab writes it under
/// the lab's config directory at install and mounts it read-only at `target`. Its content is
/// part of the component, so a changed file makes the container drift like any other change.
public struct ConfigFile: Sendable, Equatable {
    /// The top-level `configs` name: also the file's name in the lab's config directory.
    public var name: String
    /// Where the container sees it.
    public var target: String
    /// The file as shipped (never interpolated, as compose leaves file configs alone: no
    /// secret is ever written into one; services read theirs from the environment).
    public var content: String
}
