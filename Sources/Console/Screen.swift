/// The console's screens, in tab order.
public enum Screen: Int, CaseIterable, Sendable {
    case layers = 1, services, ports, roadmap, events, exposure

    public var title: String {
        switch self {
        case .layers: return "Layers"
        case .services: return "Services"
        case .ports: return "Ports"
        case .roadmap: return "Roadmap"
        case .events: return "Events"
        case .exposure: return "Exposure"
        }
    }

    public var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1)! }
    public var previous: Screen { Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)! }
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
