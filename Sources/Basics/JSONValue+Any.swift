/// The bridge to `Any` trees ([String: Any], [Any], String, Int, Double, Bool, `JSONNull`), the
/// shape JSONSerialization gave and ailab's YAML reader still gives, so code that walks such
/// trees reads JSON the same way.
public struct JSONNull: Sendable, Hashable {
    public init() {}
}

extension JSONValue {
    public var any: Any {
        switch self {
        case .null: return JSONNull()
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .string(let value): return value
        case .array(let items): return items.map(\.any)
        case .object(let fields): return fields.mapValues(\.any)
        }
    }

    /// The value of an `Any` tree; nil for anything JSON cannot hold.
    public init?(any: Any) {
        switch any {
        case is JSONNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Int64: self = .int(Int(value))
        case let value as UInt64 where value <= UInt64(Int.max): self = .int(Int(value))
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as Substring: self = .string(String(value))
        case let items as [Any]:
            var out: [JSONValue] = []
            for item in items {
                guard let value = JSONValue(any: item) else { return nil }
                out.append(value)
            }
            self = .array(out)
        case let fields as [String: Any]:
            var out: [String: JSONValue] = [:]
            for (key, item) in fields {
                guard let value = JSONValue(any: item) else { return nil }
                out[key] = value
            }
            self = .object(out)
        default: return nil
        }
    }
}
