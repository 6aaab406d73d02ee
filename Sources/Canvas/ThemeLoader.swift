#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabYAML

/// A theme file that could not be read, located as file:line.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads a theme: a palette of named colours, then roles mapped to them. Roles it leaves out
/// keep the default theme's paint, so a file may override a few roles only.
///
///     name: light
///     palette: {ink: 235, paper: default, ok: 28}
///     roles:
///       text: {fg: ink}
///       healthy: {fg: ok, bold: true}
public enum ThemeLoader {
    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ThemeError(file: path, line: 1, message: FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String, base: Theme = .standard) throws(ThemeError) -> Theme {
        let parsed: Node?
        do {
            parsed = try YAMLReader.compose(text)
        } catch {
            throw ThemeError(file: file, line: error.line, message: "YAML syntax: \(error.problem)")
        }
        guard let root = parsed else { throw ThemeError(file: file, line: 1, message: "the file is empty") }
        func fail(_ node: Node, _ message: String) -> ThemeError { ThemeError(file: file, line: node.mark?.line ?? 1, message: message) }
        guard let mapping = root.mapping else { throw fail(root, "expected a mapping with name, palette and roles") }
        var theme = base
        var palette: [String: TerminalColor] = [:]
        for (key, value) in mapping {
            switch key.string {
            case "name":
                guard let name = value.string else { throw fail(value, "name must be text") }
                theme.name = name
            case "palette":
                guard let entries = value.mapping else { throw fail(value, "palette must map names to colours") }
                for (name, colour) in entries {
                    guard let label = name.string else { throw fail(name, "a palette name must be text") }
                    palette[label] = try color(colour, palette: [:], fail: fail)
                }
            case "roles":
                guard let entries = value.mapping else { throw fail(value, "roles must map role names to paints") }
                for (name, paintNode) in entries {
                    // `cursor` was a role no screen ever drew; a theme written for it still loads.
                    if name.string == "cursor" { continue }
                    guard let label = name.string, let role = Role(rawValue: label) else {
                        throw fail(name, "unknown role '\(name.string ?? "?")'; roles are: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    theme.paints[role] = try paint(paintNode, palette: palette, fail: fail)
                }
            default:
                throw fail(key, "unknown key '\(key.string ?? "?")' (name, palette, roles)")
            }
        }
        return theme
    }

    private static func paint(_ node: Node, palette: [String: TerminalColor], fail: (Node, String) -> ThemeError) throws(ThemeError) -> Paint {
        guard let entries = node.mapping else { throw fail(node, "a paint is a mapping of fg, bg, bold, dim, reverse, underline") }
        var paint = Paint()
        for (key, value) in entries {
            switch key.string ?? "" {
            case "fg": paint.foreground = try color(value, palette: palette, fail: fail)
            case "bg": paint.background = try color(value, palette: palette, fail: fail)
            case "bold", "dim", "reverse", "underline":
                guard let on = value.bool else { throw fail(value, "\(key.string!) must be true or false") }
                let flag: Emphasis = ["bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline][key.string!]!
                if on { paint.emphasis.insert(flag) }
            default: throw fail(key, "unknown paint key '\(key.string ?? "?")' (fg, bg, bold, dim, reverse, underline)")
            }
        }
        return paint
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, a colour name (`red`, `bright-red`), 0-255, `#rrggbb`, or a palette name.
    private static func color(_ node: Node, palette: [String: TerminalColor], fail: (Node, String) -> ThemeError) throws(ThemeError) -> TerminalColor {
        guard let text = node.string?.lowercased() else { throw fail(node, "a colour must be a name, a number or #rrggbb") }
        if text == "default" { return .standard }
        if let named = palette[text] { return named }
        if let index = names.firstIndex(of: text) { return .indexed(index) }
        if text.hasPrefix("bright-"), let index = names.firstIndex(of: String(text.dropFirst(7))) { return .indexed(index + 8) }
        if let index = Int(text) {
            guard (0...255).contains(index) else { throw fail(node, "colour \(index) is not from 0 to 255") }
            return .indexed(index)
        }
        if text.hasPrefix("#"), text.count == 7, let rgb = Int(text.dropFirst(), radix: 16) {
            let level = { (v: Int) in v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
            return .indexed(16 + 36 * level(rgb >> 16 & 0xFF) + 6 * level(rgb >> 8 & 0xFF) + level(rgb & 0xFF))
        }
        throw fail(node, "unknown colour '\(text)': use default, a name (red, bright-red), 0-255, #rrggbb or a palette entry")
    }
}
