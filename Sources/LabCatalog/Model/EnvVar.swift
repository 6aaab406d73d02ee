/// An environment variable; a secret one is never shown.
public struct EnvVar: Sendable, Hashable {
    public var name: String
    public var value: String?
    /// nil for an ordinary variable.
    public var secret: SecretSpec?

    public init(name: String, value: String?, secret: SecretSpec? = nil) {
        self.name = name
        self.value = value
        self.secret = secret
    }

    public var isSecret: Bool { secret != nil }
}
