import Basics
import Foundation
import Testing

/// Basics stands in for full Foundation's text APIs; Foundation itself (fine in a test binary)
/// is the oracle.
@Suite struct TextTests {
    static let samples = ["", "  ", "x", "  a b  ", "\n\t a\u{00A0}\r\n", "\u{2003}é\u{2003}", "a\n", "\n\nb"]

    @Test(arguments: samples) func trimmedMatchesFoundation(_ text: String) {
        #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func trimmedOfGivenCharacters() {
        #expect("//a/b//".trimmed(of: ["/"]) == "a/b")
        #expect("\"quoted\"".trimmed(of: ["\""]) == "quoted")
        #expect("///".trimmed(of: ["/"]) == "")
    }

    @Test(arguments: [("abc", 5), ("abc", 3), ("abcdef", 2), ("", 0), ("é", 2)])
    func paddedMatchesFoundation(_ text: String, _ length: Int) {
        #expect(text.padded(toLength: length) == text.padding(toLength: length, withPad: " ", startingAt: 0))
    }

    @Test(arguments: [0.0, 1.0, 0.04, 0.06, 1.25, 9.99, 10.0, 123.456, -2.345, 1e6 + 0.5, 999.96, -0.04, 0.15, 2.5, .infinity, -.nan, 1e300])
    func fixedMatchesPrintf(_ value: Double) {
        for places in 0...3 {
            let ours = NumberText.fixed(value, places: places)
            let theirs = String(format: "%.\(places)f", value)
            #expect(ours == theirs, "\(value) \(places)")
        }
    }

    @Test func zeroPaddedAndHex() {
        #expect(NumberText.zeroPadded(7, width: 2) == "07")
        #expect(NumberText.zeroPadded(123, width: 2) == "123")
        #expect(NumberText.zeroPadded(-5, width: 3) == "-005")
        #expect(NumberText.zeroPadded(42, width: 9) == String(format: "%09lld", 42))
        #expect(NumberText.hex([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }

    @Test func percentEncodedKeepsOnlyUnreserved() {
        #expect("a-b_c.d~e".percentEncoded() == "a-b_c.d~e")
        #expect("{\"label\":[\"a=b\"]}".percentEncoded() == "%7B%22label%22%3A%5B%22a%3Db%22%5D%7D")
        #expect("é /".percentEncoded() == "%C3%A9%20%2F")
        let decoded = "x y&z=é".percentEncoded().removingPercentEncoding
        #expect(decoded == "x y&z=é")
    }
}
