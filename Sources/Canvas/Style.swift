/// What a cell means, not what colour it is: the theme maps roles to colours when presenting.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    case text, muted, title, header, border, borderFocused, selected
    case healthy, starting, unhealthy, stopped, notInstalled, unknown
    case warning, error, banner, key, accent, tabActive, tabInactive
    case progressDone, progressTodo, stderr, match, secret
}

/// Emphasis that survives a monochrome terminal.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Emphasis(rawValue: 1)
    public static let dim = Emphasis(rawValue: 2)
    public static let reverse = Emphasis(rawValue: 4)
    public static let underline = Emphasis(rawValue: 8)
}

/// A role with emphasis: everything a cell says about how it looks.
public struct Style: Sendable, Hashable {
    public var role: Role
    public var emphasis: Emphasis

    public init(_ role: Role = .text, _ emphasis: Emphasis = []) {
        self.role = role
        self.emphasis = emphasis
    }

    public static let plain = Style()
}
