extension Node {
    /// A mapping's pairs in file order.
    public struct Mapping: RandomAccessCollection, Hashable, Sendable {
        public enum Style: Hashable, Sendable { case any, block, flow }

        public var pairs: [(key: Node, value: Node)]
        public var tag: Tag
        public var style: Style
        public var mark: Mark?

        public init(_ pairs: [(Node, Node)], _ tag: Tag = .implicit, _ style: Style = .any, _ mark: Mark? = nil) {
            self.pairs = pairs.map { (key: $0.0, value: $0.1) }
            self.tag = tag
            self.style = style
            self.mark = mark
        }

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }

        /// The value of the first key whose text is `key`.
        public subscript(key: String) -> Node? { pairs.first { $0.key.scalar?.string == key }?.value }

        public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
            lhs.tag == rhs.tag && lhs.pairs.count == rhs.pairs.count
                && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(tag)
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// A sequence's items in file order.
    public struct Sequence: RandomAccessCollection, Hashable, Sendable {
        public enum Style: Hashable, Sendable { case any, block, flow }

        public var items: [Node]
        public var tag: Tag
        public var style: Style
        public var mark: Mark?

        public init(_ items: [Node], _ tag: Tag = .implicit, _ style: Style = .any, _ mark: Mark? = nil) {
            self.items = items
            self.tag = tag
            self.style = style
            self.mark = mark
        }

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> Node { items[position] }

        public static func == (lhs: Sequence, rhs: Sequence) -> Bool { lhs.tag == rhs.tag && lhs.items == rhs.items }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(tag)
            hasher.combine(items)
        }
    }
}
