#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What ailab keeps between runs: a person's marks on manual metrics, when each service was
/// first seen healthy, and the last result of every automatic check.
public struct LabState: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public var schemaVersion = LabState.currentVersion
    public var marks: [String: ManualMark] = [:]
    public var firstHealthy: [String: Date] = [:]
    public var checks: [String: CheckRecord] = [:]

    public init() {}
}

/// A manual metric marked met by a person.
public struct ManualMark: Codable, Sendable, Equatable {
    public var markedAt: Date
    public var by: String
}

/// The last run of an automatic check.
public struct CheckRecord: Codable, Sendable, Equatable {
    public var ranAt: Date
    public var met: Bool
    public var detail: String
}
