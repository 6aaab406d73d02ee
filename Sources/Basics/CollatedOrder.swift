/// The order JSONSerialization's `.sortedKeys` gave: `compare(_:options: [.numeric,
/// .caseInsensitive, .forcedOrdering])`, which ICU's root collation answers. Exact for ASCII
/// (measured against full Foundation for every printable character, BasicsTests): whitespace and
/// punctuation first in ICU's order, then digit runs by their value, then letters with case only
/// breaking ties (lower case first). Other characters sort after the letters by code point,
/// where ICU would place an accented letter beside its base letter.
public enum CollatedOrder {
    /// ICU root collation's primary order of ASCII whitespace and punctuation; other C0
    /// controls are ignored.
    static let symbols = Array("\t\n\u{0B}\u{0C}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (left, right) = (elements(a), elements(b))
        for (l, r) in zip(left, right) where l != r { return l.lexicographicallyPrecedes(r) }
        if left.count != right.count { return left.count < right.count }
        let (leftCase, rightCase) = (upperCaseFlags(a), upperCaseFlags(b))
        if leftCase != rightCase { return leftCase.lexicographicallyPrecedes(rightCase) { !$0 && $1 } }
        if a.unicodeScalars.count != b.unicodeScalars.count { return a.unicodeScalars.count < b.unicodeScalars.count }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Each collation element as [group, weights…]: 0 symbol, 1 number (digit count without
    /// leading zeros, then the digits), 2 letter, 3 anything else.
    static func elements(_ text: String) -> [[UInt32]] {
        var out: [[UInt32]] = []
        var digits: [UInt32] = []
        func endNumber() {
            guard !digits.isEmpty else { return }
            let significant = Array(digits.drop { $0 == 0 })
            out.append([1, UInt32(significant.count)] + significant)
            digits = []
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) {
                digits.append(value - 0x30)
                continue
            }
            endNumber()
            if let rank = symbols.firstIndex(of: scalar) {
                out.append([0, UInt32(rank)])
            } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                out.append([2, value | 0x20])
            } else if value < 0x20 || value == 0x7F {
                continue
            } else {
                out.append([3, value])
            }
        }
        endNumber()
        return out
    }

    static func upperCaseFlags(_ text: String) -> [Bool] {
        text.unicodeScalars.filter { (0x41...0x5A).contains($0.value) || (0x61...0x7A).contains($0.value) }.map { $0.value < 0x61 }
    }
}
