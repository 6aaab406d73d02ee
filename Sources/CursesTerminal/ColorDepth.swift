import Canvas

/// How many colours the terminal shows; themes degrade 256 → 8 → monochrome.
public enum ColorDepth: Sendable, Equatable {
    case full, basic, monochrome

    /// NO_COLOR (any value) means monochrome, whatever the terminal can do.
    public static func detect(colors: Int, hasColors: Bool, environment: [String: String]) -> ColorDepth {
        if environment["NO_COLOR"] != nil || !hasColors { return .monochrome }
        return colors >= 256 ? .full : colors >= 8 ? .basic : .monochrome
    }

    /// The paint as this terminal can show it.
    public func adapt(_ paint: Paint) -> Paint {
        switch self {
        case .full: return paint
        case .basic: return Paint(paint.foreground.basic, paint.background.basic, paint.emphasis)
        case .monochrome: return Paint(.standard, .standard, paint.emphasis)
        }
    }
}
