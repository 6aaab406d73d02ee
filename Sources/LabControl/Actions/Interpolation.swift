/// Why a value could not be interpolated.
public struct InterpolationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// Compose's variable syntax, and nothing more: `$$`, `$NAME`, `${NAME}`, `${NAME:-default}`,
/// `${NAME-default}`, `${NAME:?message}`, `${NAME?message}`, `${NAME:+alt}`, `${NAME+alt}`.
/// A pure string function by construction: no shell, no command substitution, no file reads,
/// and a substituted value is never interpolated again (a secret holding `$(reboot)` stays text).
public enum Interpolation {
    /// Replaces variables with what `lookup` gives; `context` names the value in errors.
    public static func expand(_ text: String, context: String, lookup: (String) -> String?) throws(InterpolationError) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            guard let next = rest.first else { throw InterpolationError(description: "\(context): a lone '$' at the end (write $$ for a dollar sign)") }
            if next == "$" {
                result.append("$")
                rest = rest.dropFirst()
            } else if next == "{" {
                guard let close = rest.firstIndex(of: "}") else { throw InterpolationError(description: "\(context): '${' without a closing '}'") }
                result += try braced(String(rest[rest.index(after: rest.startIndex)..<close]), context: context, lookup: lookup)
                rest = rest[rest.index(after: close)...]
            } else if isNameStart(next) {
                let name = rest.prefix { isNameCharacter($0) }
                result += lookup(String(name)) ?? ""
                rest = rest.dropFirst(name.count)
            } else {
                throw InterpolationError(description: "\(context): '$\(next)' is not a variable (write $$ for a dollar sign)")
            }
        }
        return result + rest
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

    private static func braced(_ body: String, context: String, lookup: (String) -> String?) throws(InterpolationError) -> String {
        let name = String(body.prefix { isNameCharacter($0) })
        guard let first = name.first, isNameStart(first) else {
            throw InterpolationError(description: "\(context): '${\(body)}' does not start with a variable name")
        }
        let modifier = body.dropFirst(name.count)
        let value = lookup(name)
        if modifier.isEmpty { return value ?? "" }
        let colon = modifier.hasPrefix(":")
        let operation = colon ? modifier.dropFirst() : modifier
        let argument = String(operation.dropFirst())
        // With a colon, an empty value counts as unset (compose's and the shell's rule).
        let isSet = colon ? !(value ?? "").isEmpty : value != nil
        switch operation.first {
        case "-": return isSet ? value ?? "" : argument
        case "+": return isSet ? argument : ""
        case "?":
            guard isSet else { throw InterpolationError(description: "\(context): \(name) is required\(argument.isEmpty ? "" : ": \(argument)")") }
            return value ?? ""
        default:
            throw InterpolationError(description: "\(context): '${\(body)}' is not a form ailab knows (${NAME}, ${NAME:-default}, ${NAME:?message}, ${NAME:+alt})")
        }
    }

    private static func isNameStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    private static func isNameCharacter(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }
}
