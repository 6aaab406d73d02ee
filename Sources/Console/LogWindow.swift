#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How far back the logs view reads: the newest lines, or everything since a moment.
public enum LogWindow: String, Sendable, CaseIterable, Equatable {
    case recent = "last 300 lines"
    case fiveMinutes = "last 5m"
    case hour = "last 1h"
    case all = "all"

    public var next: LogWindow { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// (tail, since) for the engine's logs query at `now`: nil tail means every line.
    public func query(now: Date) -> (tail: Int?, since: Int64?) {
        switch self {
        case .recent: return (300, nil)
        case .fiveMinutes: return (nil, Int64(now.timeIntervalSince1970) - 300)
        case .hour: return (nil, Int64(now.timeIntervalSince1970) - 3600)
        case .all: return (nil, nil)
        }
    }
}
