import Canvas

/// `▁▂▅▇█`: the newest `width` values, scaled to the largest of them (or to `ceiling`).
public enum Sparkline {
    public static func text(_ values: [Double], width: Int, glyphs: Glyphs, ceiling: Double? = nil) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let shown = values.suffix(width).map { $0.isFinite ? max(0, $0) : 0 }
        let top = max(ceiling ?? 0, shown.max() ?? 0)
        let levels = glyphs.sparks.count
        return shown.map { value in
            guard top > 0 else { return glyphs.sparks[0] }
            return glyphs.sparks[min(levels - 1, Int((value / top * Double(levels - 1)).rounded()))]
        }.joined()
    }
}
