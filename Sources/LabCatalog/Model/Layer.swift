/// The five bands of the lab, top (closest to the internet) to bottom.
public enum Layer: String, CaseIterable, Sendable, Codable, Comparable {
    case publicAccess = "public"
    case app
    case gateway
    case data
    case observability

    public var title: String {
        switch self {
        case .publicAccess: return "Public access"
        case .app: return "Applications"
        case .gateway: return "AI gateway"
        case .data: return "Data"
        case .observability: return "Observability"
        }
    }

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The id a service of no layer is grouped under.
    public static let unassignedID = "unassigned"
}
