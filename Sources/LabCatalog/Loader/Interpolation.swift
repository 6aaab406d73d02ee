/// Why a value could not be interpolated; `offset` is the character offset of the `$` in the value.
public struct InterpolationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public var offset: Int = 0

    public init(description: String, offset: Int = 0) {
        self.description = description
        self.offset = offset
    }
}

/// Compose's variable syntax, and nothing more: `$$`, `$NAME`, `${NAME}`, `${NAME:-default}`,
/// `${NAME-default}`, `${NAME:?message}`, `${NAME?message}`, `${NAME:+alt}`, `${NAME+alt}`, with
/// variables nested in the default, message or alternative (`${A:-${B:-x}}`), as the compose
/// specification's interpolation section defines it (compose-spec/spec.md, "Interpolation").
/// The one implementation: the loader uses it for every value at load, installs for secrets.
/// A pure string function by construction: no shell, no command substitution, no file reads,
/// and a substituted value is never interpolated again (a secret holding `$(reboot)` stays text).
public enum Interpolation {
    /// What to do with the variables of one value.
    public struct Rules {
        /// Names left as they are written (`${NAME…}` kept verbatim): secrets resolved at install.
        public var keep: (String) -> Bool = { _ in false }
        /// Called for a variable that is unset and has no default (compose warns and uses "").
        public var unset: (String) -> Void = { _ in }
        /// Write literal dollars of the result as `$$`, so the result is still compose text
        /// (for values that are interpolated once more at install, around the kept names).
        public var escapeResult = false

        public init(keep: @escaping (String) -> Bool = { _ in false }, unset: @escaping (String) -> Void = { _ in }, escapeResult: Bool = false) {
            self.keep = keep
            self.unset = unset
            self.escapeResult = escapeResult
        }
    }

    /// Replaces variables with what `lookup` gives; `context` names the value in errors.
    public static func expand(
        _ text: String, context: String, rules: Rules = Rules(), lookup: (String) -> String?
    ) throws(InterpolationError) -> String {
        let characters = Array(text)
        do {
            return try withoutActuallyEscaping(lookup) { lookup in
                var scanner = Scanner(characters: characters, context: context, rules: rules, lookup: lookup)
                return try scanner.expand(0..<characters.count)
            }
        } catch let error as InterpolationError {
            throw error
        } catch {
            throw InterpolationError(description: "\(context): \(error)")
        }
    }

    /// The variable names a value refers to, in order (for preflight: which secrets it needs).
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        _ = try? expand(text, context: "") { name in
            names.append(name)
            return "set"  // a value, so `${NAME:?}` does not stop the scan
        }
        return names
    }

    static func isNameStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    static func isNameCharacter(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }
}

/// One pass over one value; ranges index `characters`, so nested defaults are expanded in place.
private struct Scanner {
    let characters: [Character]
    let context: String
    let rules: Interpolation.Rules
    let lookup: (String) -> String?

    mutating func expand(_ range: Range<Int>) throws(InterpolationError) -> String {
        var result = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let char = characters[index]
            guard char == "$" else {
                result.append(char)
                index += 1
                continue
            }
            let start = index
            index += 1
            guard index < range.upperBound else { throw fail("a lone '$' at the end (write $$ for a dollar sign)", at: start) }
            let next = characters[index]
            if next == "$" {
                result += rules.escapeResult ? "$$" : "$"
                index += 1
            } else if next == "{" {
                let close = try closingBrace(after: index + 1, in: range, from: start)
                result += try braced(index + 1..<close, from: start)
                index = close + 1
            } else if Interpolation.isNameStart(next) {
                var end = index
                while end < range.upperBound, Interpolation.isNameCharacter(characters[end]) { end += 1 }
                let name = String(characters[index..<end])
                if rules.keep(name) {
                    result += String(characters[start..<end])
                } else {
                    result += value(of: name, orUnset: true)
                }
                index = end
            } else {
                throw fail("'$\(next)' is not a variable (write $$ for a dollar sign)", at: start)
            }
        }
        return result
    }

    /// The `}` that closes the `${` at `from`, counting the `${` nested inside it.
    private func closingBrace(after open: Int, in range: Range<Int>, from start: Int) throws(InterpolationError) -> Int {
        var depth = 0
        var index = open
        while index < range.upperBound {
            if characters[index] == "$", index + 1 < range.upperBound, characters[index + 1] == "$" {
                index += 2
                continue
            }
            if characters[index] == "$", index + 1 < range.upperBound, characters[index + 1] == "{" {
                depth += 1
                index += 2
                continue
            }
            if characters[index] == "}" {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        throw fail("'${' without a closing '}'", at: start)
    }

    private mutating func braced(_ body: Range<Int>, from start: Int) throws(InterpolationError) -> String {
        var end = body.lowerBound
        while end < body.upperBound, Interpolation.isNameCharacter(characters[end]) { end += 1 }
        let name = String(characters[body.lowerBound..<end])
        guard let first = name.first, Interpolation.isNameStart(first) else {
            throw fail("'${\(String(characters[body]))}' does not start with a variable name", at: start)
        }
        if rules.keep(name) { return String(characters[start...body.upperBound]) }
        guard end < body.upperBound else { return value(of: name, orUnset: true) }
        let colon = characters[end] == ":"
        let operation = colon ? end + 1 : end
        guard operation < body.upperBound, "-+?".contains(characters[operation]) else {
            throw fail(
                "'${\(String(characters[body]))}' is not a form compose knows (${NAME}, ${NAME:-default}, ${NAME:?message}, ${NAME:+alt})",
                at: start)
        }
        let argument = operation + 1..<body.upperBound
        let raw = lookup(name)
        // With a colon, an empty value counts as unset (compose's and the shell's rule).
        let isSet = colon ? !(raw ?? "").isEmpty : raw != nil
        switch characters[operation] {
        case "-": return isSet ? escaped(raw ?? "") : try expand(argument)
        case "+": return isSet ? try expand(argument) : ""
        default:
            guard isSet else {
                let message = try expand(argument)
                throw fail("\(name) is required\(message.isEmpty ? "" : ": \(message)")", at: start)
            }
            return escaped(raw ?? "")
        }
    }

    private func value(of name: String, orUnset warn: Bool) -> String {
        guard let found = lookup(name) else {
            if warn { rules.unset(name) }
            return ""
        }
        return escaped(found)
    }

    private func escaped(_ text: String) -> String {
        guard rules.escapeResult, text.contains("$") else { return text }
        return String(text.flatMap { $0 == "$" ? ["$", "$"] : [$0] })
    }

    private func fail(_ message: String, at offset: Int) -> InterpolationError {
        InterpolationError(description: context.isEmpty ? message : "\(context): \(message)", offset: offset)
    }
}
