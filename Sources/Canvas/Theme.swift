/// A terminal colour: the terminal's default, or an index (0-15 ANSI, 16-255 the xterm cube and greys).
public enum TerminalColor: Sendable, Hashable {
    case standard
    case indexed(Int)

    /// The nearest of the eight basic colours, for terminals that have only those.
    public var basic: TerminalColor {
        guard case .indexed(let index) = self else { return self }
        if index < 8 { return self }
        if index < 16 { return .indexed(index - 8) }
        if index >= 232 { return .indexed(index < 244 ? 0 : 7) }
        let cube = index - 16
        let (r, g, b) = (cube / 36, cube / 6 % 6, cube % 6)
        let threshold = 2
        let bits = (r >= threshold ? 1 : 0) | (g >= threshold ? 2 : 0) | (b >= threshold ? 4 : 0)
        return .indexed(bits)
    }
}

/// How a role looks: colours and emphasis. On a monochrome terminal only the emphasis remains.
public struct Paint: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var emphasis: Emphasis

    public init(_ foreground: TerminalColor = .standard, _ background: TerminalColor = .standard, _ emphasis: Emphasis = []) {
        self.foreground = foreground
        self.background = background
        self.emphasis = emphasis
    }
}

/// Roles mapped to paints. Roles a theme leaves out look like `text`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var paints: [Role: Paint]

    public init(name: String, paints: [Role: Paint]) {
        self.name = name
        self.paints = paints
    }

    public func paint(_ role: Role) -> Paint { paints[role] ?? paints[.text] ?? Paint() }

    /// The default (dark) theme, compiled in so the console runs without any theme file.
    /// themes/default.yaml says the same; a test keeps the two equal.
    public static let standard = Theme(name: "default", paints: [
        .text: Paint(),
        .muted: Paint(.indexed(8)),
        .title: Paint(.indexed(6), .standard, .bold),
        .header: Paint(.indexed(15), .indexed(4), .bold),
        .border: Paint(.indexed(8)),
        .borderFocused: Paint(.indexed(6)),
        .selected: Paint(.indexed(0), .indexed(6), .reverse),
        .healthy: Paint(.indexed(2)),
        .starting: Paint(.indexed(3)),
        .unhealthy: Paint(.indexed(1), .standard, .bold),
        .stopped: Paint(.indexed(7)),
        .notInstalled: Paint(.indexed(8)),
        .unknown: Paint(.indexed(5)),
        .warning: Paint(.indexed(3), .standard, .bold),
        .error: Paint(.indexed(1), .standard, .bold),
        .banner: Paint(.indexed(15), .indexed(1), .bold),
        .key: Paint(.indexed(6), .standard, .bold),
        .accent: Paint(.indexed(4), .standard, .bold),
        .tabActive: Paint(.indexed(0), .indexed(6), [.bold, .reverse]),
        .tabInactive: Paint(.indexed(7)),
        .progressDone: Paint(.indexed(2)),
        .progressTodo: Paint(.indexed(8)),
        .stderr: Paint(.indexed(1)),
        .match: Paint(.indexed(0), .indexed(3), .reverse),
        .secret: Paint(.indexed(8)),
    ])
}
