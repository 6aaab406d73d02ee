/// A node's tag: implicit, a local one (`!reset`, `!override`) or a core-schema one (`!!str`).
public struct Tag: Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    public static let implicit = Tag("?")
    /// `!!null`, the one core tag the loader reads (a value explicitly set to nothing).
    public static let null = Tag("tag:yaml.org,2002:null")

    /// `!x` stays `!x`; `!!x` is the core schema's `tag:yaml.org,2002:x`.
    static func written(_ text: String) -> Tag {
        text.hasPrefix("!!") ? Tag("tag:yaml.org,2002:" + text.dropFirst(2)) : Tag(text)
    }
}
