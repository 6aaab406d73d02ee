import Canvas
import LabCatalog
import LabModel

/// Where the Layers screen puts each band and chip, for drawing and for clicks alike.
public struct LayersLayout: Sendable {
    public struct Chip: Sendable, Equatable {
        public var service: String
        public var x: Int
        public var y: Int
        public var width: Int
    }

    public struct Band: Sendable {
        public var layer: Layer?
        /// The separator row that carries the band's title.
        public var titleRow: Int
        public var chips: [Chip]
        /// Services that did not fit.
        public var hidden: Int
    }

    public var bands: [Band] = []
    /// Room for a line per service: each chip is a whole row with its condition, age, usage
    /// and probe (a tall terminal's height used, not left blank).
    public var expanded = false

    public init() {}

    /// Lays the bands out in `area` (the body, box included): each band gets the rows its chips
    /// need when they fit, otherwise rows are shared out and the overflow is counted.
    public init(state: AppState, area: Rect) {
        let groups = state.layerBands
        guard !groups.isEmpty, area.width >= 4, area.height >= 3 else { return }
        let inner = area.width - 4
        let available = area.height - 1 - groups.count  // a title row per band, and the bottom edge
        expanded = inner >= 60 && groups.reduce(0) { $0 + $1.services.count } <= available
        let wrapped = expanded
            ? groups.map { $0.services.indices.map { [(index: $0, width: inner)] } }
            : groups.map { Self.wrap($0.services.map { Self.chipText($0, glyphs: state.glyphs, in: state.snapshot) }, width: inner) }
        var rows = wrapped.map { $0.count }
        while rows.reduce(0, +) > max(available, 0), let widest = rows.indices.max(by: { rows[$0] < rows[$1] }), rows[widest] > 0 {
            rows[widest] -= 1
        }
        var y = area.y
        for (index, group) in groups.enumerated() {
            var band = Band(layer: group.layer, titleRow: y, chips: [], hidden: 0)
            y += 1
            for (line, items) in wrapped[index].enumerated() {
                guard line < rows[index] else {
                    band.hidden += items.count
                    continue
                }
                var x = area.x + 2
                for item in items {
                    band.chips.append(Chip(service: group.services[item.index].service.name, x: x, y: y, width: item.width))
                    x += item.width + 2
                }
                y += 1
            }
            bands.append(band)
        }
    }

    /// A chip's text: glyph, name (`@engine` with several engines), host ports.
    public static func chipText(_ status: ServiceStatus, glyphs: Glyphs, in snapshot: LabSnapshot) -> String {
        let ports = status.ports.prefix(2).map { ":\($0.host)" }.joined(separator: " ")
        return "\(ConditionStyle.glyph(status, glyphs)) \(status.service.name)\(EngineSuffix.of(status, in: snapshot))\(ports.isEmpty ? "" : " " + ports)"
    }

    /// Greedy line filling: which chips go on which row.
    static func wrap(_ texts: [String], width: Int) -> [[(index: Int, width: Int)]] {
        var lines: [[(index: Int, width: Int)]] = [[]]
        var used = 0
        for (index, text) in texts.enumerated() {
            let size = min(DisplayWidth.of(text), max(width, 1))
            if used > 0, used + 2 + size > width {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append((index, size))
            used += (used > 0 ? 2 : 0) + size
        }
        return lines
    }

    public func chip(at x: Int, _ y: Int) -> Chip? {
        bands.lazy.flatMap(\.chips).first { $0.y == y && x >= $0.x && x < $0.x + $0.width }
    }
}

/// How a condition looks: its glyph and colour role. Only presentation: the condition itself
/// is decided in LabControl's `ConditionJudge`. Colour is never the only signal.
public enum ConditionStyle {
    public static func glyph(_ condition: Condition, _ glyphs: Glyphs) -> String {
        switch condition {
        case .healthy, .running: return glyphs.healthy
        case .starting: return glyphs.starting
        case .unhealthy, .crashed: return glyphs.failed
        case .restarting: return glyphs.restarting
        case .stopped, .paused: return glyphs.stopped
        case .completed: return glyphs.completed
        case .notInstalled: return glyphs.notInstalled
        case .unknown: return glyphs.unknown
        }
    }

    public static func role(_ condition: Condition) -> Role {
        switch condition {
        case .healthy, .running: return .healthy
        case .starting: return .starting
        case .unhealthy, .crashed, .restarting: return .unhealthy
        case .stopped, .paused, .completed: return .stopped
        case .notInstalled: return .notInstalled
        case .unknown: return .unknown
        }
    }

    public static func glyph(_ status: ServiceStatus, _ glyphs: Glyphs) -> String { glyph(status.condition.condition, glyphs) }
    public static func role(_ status: ServiceStatus) -> Role { role(status.condition.condition) }
}
