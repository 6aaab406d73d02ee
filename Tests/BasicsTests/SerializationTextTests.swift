import Basics
import Foundation
import Testing

/// `serializationText` writes what JSONSerialization wrote with `.sortedKeys` (and
/// `.prettyPrinted`), byte for byte: full Foundation is the oracle.
@Suite struct SerializationTextTests {
    static func oracle(_ value: JSONValue, pretty: Bool) throws -> String {
        let options: JSONSerialization.WritingOptions = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
        return String(decoding: try JSONSerialization.data(withJSONObject: Self.foundation(value), options: options), as: UTF8.self)
    }

    static func foundation(_ value: JSONValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .string(let text): return text
        case .array(let items): return items.map(foundation)
        case .object(let fields): return fields.mapValues(foundation)
        }
    }

    /// Every printable ASCII character between two letters, then keys built from the characters
    /// that tell the rules apart (case, digit runs, punctuation, prefixes).
    static var keys: [String] {
        var keys = (0x20...0x7E).map { "x" + String(UnicodeScalar(UInt8($0))) + "y" }
        let alphabet = Array("aAbB019_-. $Zz")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var key = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 61 + 1) { key.append(alphabet[Int((state >> UInt64(8 * step + 3)) % UInt64(alphabet.count))]) }
            keys.append(key)
        }
        return keys + ["PGVECTO_RS_HOST", "PGVECTOR_PG_BIGM", "REDIS_SENTINELS", "REDIS_SSL_CERT_REQS", "REDIS_USERNAME", "a9", "a10", "a010", "ab", "aB", "AB", "A1b", "a1B", ""]
    }

    @Test func keysAreInJSONSerializationsOrder() throws {
        let value = JSONValue.object(Dictionary(Self.keys.map { ($0, JSONValue.int(1)) }, uniquingKeysWith: { a, _ in a }))
        #expect(value.serializationText(pretty: false) == (try Self.oracle(value, pretty: false)))
    }

    @Test func prettyLayoutAndEscapesAreJSONSerializations() throws {
        let value = JSONValue.object([
            "services": .object(["web": .object(["image": .string("ghcr.io/x/y:1"), "ports": .array([]), "labels": .object([:])])]),
            "text": .string("quote\" back\\ tab\t nl\n cr\r bell\u{07} bs\u{08} ff\u{0C} esc\u{1B} é ✓ \u{2028}"),
            "list": .array([.int(1), .array([.int(-2), .null]), .bool(true), .bool(false), .double(0.5), .double(2.25), .double(3)]),
            "none": .null, "big": .int(Int.max),
        ])
        #expect(value.serializationText(pretty: true) == (try Self.oracle(value, pretty: true)))
        #expect(value.serializationText(pretty: false) == (try Self.oracle(value, pretty: false)))
        #expect(JSONValue.array([]).serializationText(pretty: true) == "[\n\n]")
    }
}
