import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Text from outside ailab (the engine's answers and errors, a catalog, a theme, a probed HTTP
/// service) made safe to print on a terminal. Plain `tcp://` has no TLS, so anyone on the path
/// can put `ESC]0;…BEL` (retitle the window) or `ESC[2J` (clear the screen) into a container
/// name or an error; printed raw, the terminal would obey. Every control character is shown
/// escaped instead (`\x1b`), as are the bidirectional overrides that could reorder a line.
enum TerminalText {
    /// `text` with its control characters escaped; newlines (and tabs) kept where `keepingLines`.
    static func safe(_ text: String, keepingLines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLines: keepingLines) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLines: keepingLines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += scalar.value < 0x80 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{" + hex(scalar.value, digits: 4) + "}"
            }
        }
        return result
    }

    /// JSON made safe the same way and still exact: JSONEncoder escapes C0 controls already;
    /// DEL, C1 and bidirectional controls (only ever inside strings) become `\uXXXX` escapes,
    /// which decode to the very same characters.
    static func json(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLines: true) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLines: true) { result += "\\u" + hex(scalar.value, digits: 4) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLines
        case 0..<0x20, 0x7F..<0xA0: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks, embeddings, overrides, isolates
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// Standard output for text that may hold outside strings.
enum Stdout {
    static func line(_ text: String) {
        StandardStream.output.write(TerminalText.safe(text) + "\n")
    }

    /// JSON, exact but safe to show on a terminal.
    static func json(_ text: String) {
        StandardStream.output.write(TerminalText.json(text) + "\n")
    }
}
