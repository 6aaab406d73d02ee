import Basics
import Foundation
import Testing

/// JSONValue reads what JSONSerialization read, keeps integers whole, and writes sorted keys.
@Suite struct JSONValueTests {
    @Test func readsEveryKind() throws {
        let text = #"{"a":1,"b":2.5,"c":"x\/y","d":[true,null,{"e":-3}],"big":9007199254740993}"#
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["a"] == .int(1))
        #expect(value["b"]?.number == 2.5)
        #expect(value["c"]?.string == "x/y")
        #expect(value["d"]?.array == [.bool(true), .null, .object(["e": .int(-3)])])
        #expect(value["big"] == .int(9_007_199_254_740_993))
        #expect(try JSONValue.parse(Array("42".utf8)) == .int(42))
        #expect(throws: (any Error).self) { try JSONValue.parse(Array("{".utf8)) }
    }

    @Test func writesSortedWithoutEscapedSlashes() throws {
        let value = JSONValue.object(["b": .string("a/b"), "a": .array([.int(1), .double(1.5), .null])])
        #expect(String(decoding: value.encoded(), as: UTF8.self) == #"{"a":[1,1.5,null],"b":"a/b"}"#)
        let pretty = String(decoding: value.encoded(pretty: true), as: UTF8.self)
        let reread = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? [String: Any]
        #expect(reread?["b"] as? String == "a/b")
        #expect(pretty.contains("\n"))
    }

    @Test func bridgesAnyTrees() throws {
        let tree: [String: Any] = ["n": 3, "s": "x", "l": [1, "two", JSONNull()], "o": ["t": true]]
        let value = try #require(JSONValue(any: tree))
        #expect(value["l"]?.array?[2] == .null)
        let back = value.any as? [String: Any]
        #expect(back?["n"] as? Int == 3)
        #expect((back?["o"] as? [String: Any])?["t"] as? Bool == true)
        #expect(JSONValue(any: Date()) == nil)
    }
}
