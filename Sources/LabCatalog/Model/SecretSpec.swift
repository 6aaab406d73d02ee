/// How a secret comes to be: generated on first install, or provided by the person.
public struct SecretSpec: Sendable, Hashable {
    /// Hex characters to generate (64 = 32 random bytes).
    public var length: Int
    /// True for credentials only the person can give (a tunnel token, an auth key).
    public var provided: Bool

    public init(length: Int = 64, provided: Bool = false) {
        self.length = length
        self.provided = provided
    }
}
