extension Node {
    /// A scalar's text with how it was written, which the loader needs: a plain `<<` is a merge
    /// key, a plain empty value is null, and quoted text never is.
    public struct Scalar: Hashable, Sendable {
        public enum Style: Hashable, Sendable { case any, plain, singleQuoted, doubleQuoted, literal, folded }

        public var string: String
        public var tag: Tag
        public var style: Style
        public var mark: Mark?

        public init(_ string: String, _ tag: Tag = .implicit, _ style: Style = .any, _ mark: Mark? = nil) {
            self.string = string
            self.tag = tag
            self.style = style
            self.mark = mark
        }

        /// Equal when the text and the tag are: style and position do not change the value.
        public static func == (lhs: Scalar, rhs: Scalar) -> Bool { lhs.string == rhs.string && lhs.tag == rhs.tag }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(string)
            hasher.combine(tag)
        }
    }
}
