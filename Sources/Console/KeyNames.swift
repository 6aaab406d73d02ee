import Canvas

/// How keys are written in the key-map file and shown in the help: one name per key, read
/// back to the same key (`q`, `G`, `Ctrl-x`, `Enter`, `F5`, `Space`, `Comma`).
public enum KeyNames {
    static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp), ("PgDn", .pageDown),
        ("Home", .home), ("End", .end), ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("Shift-Tab", .backTab),
        ("Backspace", .backspace), ("Delete", .delete), ("Space", .char(" ")), ("Comma", .char(",")),
    ]

    /// The key a name means (names of special keys in any case), or nil when it is not one.
    public static func key(_ name: String) -> Key? {
        if let (_, key) = named.first(where: { $0.0.lowercased() == name.lowercased() }) { return key }
        if name.count == 1, let character = name.first, let scalar = character.unicodeScalars.first,
           character.unicodeScalars.count == 1, scalar.value > 0x20, scalar.value != 0x7F {
            return .char(character)
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), name.count == 6, let letter = lower.last, letter.isASCII, letter.isLetter {
            return .ctrl(letter)
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) { return .function(number) }
        return nil
    }

    /// The name a key is written with (the inverse of `key(_:)`).
    public static func name(_ key: Key) -> String {
        if let (name, _) = named.first(where: { $0.1 == key }) { return name }
        switch key {
        case .char(let character): return String(character)
        case .ctrl(let letter): return "Ctrl-\(letter)"
        case .function(let number): return "F\(number)"
        default: return "?"
        }
    }
}
