/// Trimming without full Foundation: `trimmingCharacters(in:)` and `CharacterSet` live in
/// FoundationInternationalization, whose ICU data would be linked into the binary (issue 17).
extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines (Unicode's, as
    /// `CharacterSet.whitespacesAndNewlines` means it).
    public func trimmed() -> String { trimmed(where: \.isWhitespace) }

    /// The text without the leading and trailing characters that `isTrimmed` accepts.
    public func trimmed(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The text without the given characters at either end (`trimmingCharacters(in: "/")`).
    public func trimmed(of characters: Set<Character>) -> String { trimmed { characters.contains($0) } }
}

extension StringProtocol {
    /// Padded with `pad` on the right to `length` characters, or cut to it, as Foundation's
    /// `padding(toLength:withPad:startingAt:)` does with a one-character pad.
    public func padded(toLength length: Int, with pad: Character = " ") -> String {
        let count = self.count
        if count >= length { return String(prefix(Swift.max(0, length))) }
        return String(self) + String(repeating: pad, count: length - count)
    }
}
