/// JSON text laid out as full Foundation's `JSONSerialization` wrote it with `.sortedKeys` (and
/// `.prettyPrinted`): what `ailab config --json` printed before FoundationEssentials (issue 17),
/// kept byte for byte. JSONEncoder differs in two ways that show: it sorts keys by code point,
/// where JSONSerialization collates them with ICU (numeric, case-insensitive, then lower case
/// first: "PGVECTO_RS" before "PGVECTOR", "a9" before "a10"), and it writes empty containers on
/// one line. swift-corelibs-foundation's JSONWriter (Sources/Foundation/JSONSerialization.swift)
/// and the measured order of every printable ASCII character are the reference.
extension JSONValue {
    public func serializationText(pretty: Bool) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            // NSNumber's text: an integral value without its ".0".
            if !value.isFinite { out += "null" } else if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)) } else { out += String(value) }
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let items):
            Self.writeContainer("[", "]", items.map { (nil, $0) }, into: &out, pretty: pretty, depth: depth)
        case .object(let fields):
            let keys = fields.keys.sorted(by: CollatedOrder.precedes)
            Self.writeContainer("{", "}", keys.map { ($0, fields[$0] ?? .null) }, into: &out, pretty: pretty, depth: depth)
        }
    }

    /// JSONWriter's layout: with `pretty`, each member on its own line two spaces deeper, and an
    /// empty container as an empty line between its brackets.
    private static func writeContainer(
        _ open: String, _ close: String, _ members: [(String?, JSONValue)], into out: inout String, pretty: Bool, depth: Int
    ) {
        out += open
        let indent = String(repeating: "  ", count: depth + 1)
        if pretty { out += "\n" }
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += pretty ? ",\n" : "," }
            if pretty { out += indent }
            if let key {
                writeString(key, into: &out)
                out += pretty ? " : " : ":"
            }
            value.write(into: &out, pretty: pretty, depth: depth + 1)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: depth) }
        out += close
    }

    /// Quotes, backslashes and slashes escaped, the C0 controls as \b \f \n \r \t or \u00xx.
    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}": out += "\\u00" + NumberText.hex([UInt8(scalar.value)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
