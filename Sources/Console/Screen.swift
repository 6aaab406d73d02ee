/// The console's screens, in tab order.
public enum Screen: Int, CaseIterable, Sendable {
    case layers = 1, services, ports, roadmap, events, exposure, map, containers

    public var title: String {
        switch self {
        case .layers: return "Layers"
        case .services: return "Services"
        case .ports: return "Ports"
        case .roadmap: return "Roadmap"
        case .events: return "Events"
        case .exposure: return "Exposure"
        case .map: return "Map"
        case .containers: return "Containers"
        }
    }

    // By position, not number: the numbers (the keys) may leave a gap.
    public var next: Screen { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
    public var previous: Screen { Self.allCases[(Self.allCases.firstIndex(of: self)! + Self.allCases.count - 1) % Self.allCases.count] }
}

/// What covers the current screen, if anything.
public enum Overlay: Sendable, Equatable {
    case help
    case detail(service: String)
    case logs
    /// This session's action steps.
    case actionLog
    /// A container's inspect document.
    case inspect
}
