/// Writes a node as block YAML, as `ailab config` prints the resolved model: two-space mappings,
/// lists at their key's indentation (as libyaml and `docker compose config` write them), text
/// plain when it reads back the same, else quoted in the style it came with.
public enum YAMLWriter {
    public static func write(_ node: Node) -> String {
        var out = ""
        emit(node, indent: 0, into: &out)
        return out
    }

    private static func emit(_ node: Node, indent: Int, into out: inout String) {
        switch node {
        case .scalar(let scalar):
            out += text(scalar) + "\n"
        case .sequence(let list):
            guard !list.isEmpty else { return out += "[]\n" }
            for (index, item) in list.enumerated() {
                if index > 0 { out += String(repeating: " ", count: indent) }
                out += "- "
                emit(item, indent: indent + 2, into: &out)
            }
        case .mapping(let map):
            guard !map.isEmpty else { return out += "{}\n" }
            for (index, pair) in map.enumerated() {
                if index > 0 { out += String(repeating: " ", count: indent) }
                out += (pair.key.scalar.map(text) ?? "''") + ":"
                switch pair.value {
                case .scalar(let scalar):
                    out += " " + text(scalar) + "\n"
                case .sequence(let list) where !list.isEmpty:
                    out += "\n" + String(repeating: " ", count: indent)
                    emit(pair.value, indent: indent, into: &out)
                case .mapping(let inner) where !inner.isEmpty:
                    out += "\n" + String(repeating: " ", count: indent + 2)
                    emit(pair.value, indent: indent + 2, into: &out)
                default:
                    out += " "
                    emit(pair.value, indent: indent, into: &out)
                }
            }
        }
    }

    /// A scalar as it can be written on one line.
    static func text(_ scalar: Node.Scalar) -> String {
        let value = scalar.string
        if value.isEmpty { return scalar.style == .plain ? "null" : "\"\"" }
        switch scalar.style {
        case .doubleQuoted: return doubleQuoted(value)
        case .singleQuoted where !value.contains("\n"): return singleQuoted(value)
        default: break
        }
        if value.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 && $0 != 9 } ?? false) }) { return doubleQuoted(value) }
        return isPlainSafe(value) ? value : singleQuoted(value)
    }

    /// Text that reads back as the same text when written plain.
    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last, first != " ", last != " ", last != "\t" else { return false }
        if "#&*!|>'\"%@`,[]{}".contains(first) { return false }
        if "-?:".contains(first) && (value.count == 1 || value.dropFirst().first == " ") { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        if value == "---" || value == "..." || value.hasPrefix("--- ") || value.hasPrefix("... ") { return false }
        // Words YAML would read as null or a boolean stay quoted, so the value stays text.
        return !["~", "null", "true", "false", "yes", "no", "on", "off"].contains(value.lowercased())
    }

    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingQuote() + "'"
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 32 || scalar.value == 127 {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func replacingQuote() -> String { String(flatMap { $0 == "'" ? ["'", "'"] : [$0] }) }
}
