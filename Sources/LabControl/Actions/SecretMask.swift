/// Replaces every known secret value in a text with a mask. Values shorter than 4 characters
/// are left alone: masking "a" everywhere would hide more than it protects.
public struct SecretMask: Sendable {
    public static let mask = "••••••"
    private var values: [String]

    public init(_ values: [String]) { self.values = values.filter { $0.count >= 4 }.sorted { $0.count > $1.count } }

    public func apply(_ text: String) -> String {
        values.reduce(text) { $0.replacing($1, with: Self.mask) }
    }
}
