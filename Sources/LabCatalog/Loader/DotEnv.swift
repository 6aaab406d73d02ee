#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Compose's `.env` format (compose-go's dotenv package, as documented under "Use an
/// environment file" at docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/):
/// `KEY=value` lines, `export` allowed, `#` comments, single quotes literal, double quotes with
/// `\n` escapes; unquoted and double-quoted values are interpolated from what is already known.
enum DotEnv {
    /// The file's variables in order; `lookup` resolves references to variables not (yet) in it.
    static func parse(_ text: String, file: String, lookup: (String) -> String?) throws(CatalogDiagnostic) -> [(String, String)] {
        var result: [(String, String)] = []
        var known: [String: String] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var index = 0
        while index < lines.count {
            let number = index + 1
            var line = trimmed(lines[index])
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = trimmed(String(line.dropFirst(7))) }
            func fail(_ message: String) -> CatalogDiagnostic {
                CatalogDiagnostic(file: file, line: number, column: 1, path: "", message: message)
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail("expected NAME=value, found '\(line)'")
            }
            let name = trimmed(String(line[..<equals]))
            guard let first = name.first, Interpolation.isNameStart(first) || first == "." || first.isNumber,
                name.allSatisfy({ Interpolation.isNameCharacter($0) || $0 == "." || $0 == "-" })
            else { throw fail("'\(name)' is not a variable name") }
            var raw = trimmed(String(line[line.index(after: equals)...]))
            var value: String
            if let quote = raw.first, quote == "'" || quote == "\"" {
                // A quoted value may run over several lines, up to its closing quote.
                while !closes(raw, quote: quote), index < lines.count {
                    raw += "\n" + lines[index]
                    index += 1
                }
                guard closes(raw, quote: quote), let close = raw.dropFirst().lastIndex(of: quote) else { throw fail("unclosed \(quote) quote") }
                value = String(raw[raw.index(after: raw.startIndex)..<close])
                if quote == "'" {
                    result.append((name, value))
                    known[name] = value
                    continue
                }
                value = unescape(value)
            } else {
                if let comment = raw.firstRange(of: " #") { raw = trimmed(String(raw[..<comment.lowerBound])) }
                value = raw
            }
            do {
                value = try Interpolation.expand(value, context: name) { known[$0] ?? lookup($0) }
            } catch {
                throw fail(error.description)
            }
            result.append((name, value))
            known[name] = value
        }
        return result
    }

    private static func closes(_ raw: String, quote: Character) -> Bool {
        var escaped = false
        for char in raw.dropFirst() {
            if escaped { escaped = false; continue }
            if char == "\\" && quote == "\"" { escaped = true; continue }
            if char == quote { return true }
        }
        return false
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaped = false
        for char in text {
            if escaped {
                switch char {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(char)
                }
                escaped = false
            } else if char == "\\" {
                escaped = true
            } else {
                result.append(char)
            }
        }
        return result
    }

    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
