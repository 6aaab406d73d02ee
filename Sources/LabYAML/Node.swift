/// A YAML node as ailab reads it: aliases are already replaced by the node they name (as Yams'
/// composer shared them), so a walk sees only scalars, sequences and mappings. Mappings keep
/// file order and duplicates are refused at parse time.
public enum Node: Hashable, Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A plain text value with no position (for trees built in code).
    public init(_ text: String, _ tag: Tag = .implicit, _ style: Scalar.Style = .any) {
        self = .scalar(Scalar(text, tag, style))
    }

    public init(_ pairs: [(Node, Node)], _ tag: Tag = .implicit, _ style: Mapping.Style = .any) {
        self = .mapping(Mapping(pairs, tag, style))
    }

    public init(_ items: [Node], _ tag: Tag = .implicit, _ style: Sequence.Style = .any) {
        self = .sequence(Sequence(items, tag, style))
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    public var sequence: Sequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }

    /// The text of a scalar; nil for a collection.
    public var string: String? { scalar?.string }

    /// YAML 1.1 booleans as Yams read them (true/yes/on, false/no/off, any case).
    public var bool: Bool? {
        switch scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    public var tag: Tag {
        switch self {
        case .scalar(let scalar): return scalar.tag
        case .mapping(let mapping): return mapping.tag
        case .sequence(let sequence): return sequence.tag
        }
    }

    /// Where the node starts in its file (nil for nodes built in code).
    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        }
    }
}
