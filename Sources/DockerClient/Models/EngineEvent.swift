#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// One entry of `GET /events`.
public struct EngineEvent: Decodable, Sendable, Equatable {
    public var type: String
    public var action: String
    public var actorID: String
    public var attributes: [String: String]
    public var time: Int64
    public var timeNano: Int64

    enum CodingKeys: String, CodingKey { case type = "Type", action = "Action", actor = "Actor", time, timeNano }
    enum ActorKeys: String, CodingKey { case id = "ID", attributes = "Attributes" }

    public init(type: String, action: String, actorID: String, attributes: [String: String] = [:], time: Int64, timeNano: Int64 = 0) {
        self.type = type
        self.action = action
        self.actorID = actorID
        self.attributes = attributes
        self.time = time
        self.timeNano = timeNano == 0 ? Self.nanoseconds(time) : timeNano
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? ""
        action = try c.decodeIfPresent(String.self, forKey: .action) ?? ""
        time = try c.decodeIfPresent(Int64.self, forKey: .time) ?? 0
        timeNano = try c.decodeIfPresent(Int64.self, forKey: .timeNano) ?? Self.nanoseconds(time)
        if c.contains(.actor) {
            let actor = try c.nestedContainer(keyedBy: ActorKeys.self, forKey: .actor)
            actorID = try actor.decodeIfPresent(String.self, forKey: .id) ?? ""
            attributes = try actor.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        } else {
            actorID = ""
            attributes = [:]
        }
    }

    /// Seconds as nanoseconds, saturating: a hostile or broken engine's `time` of 10^17 must not
    /// trap on overflow (the fuzzer found that one).
    static func nanoseconds(_ seconds: Int64) -> Int64 {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? (seconds < 0 ? .min : .max) : product
    }

    /// Health-check runs emit exec_create/exec_start/exec_die every interval: noise to a person.
    public var isExecNoise: Bool { action.hasPrefix("exec_") }

    /// `health_status: healthy` → `healthy`.
    public var healthStatus: String? {
        guard action.hasPrefix("health_status") else { return nil }
        return action.split(separator: ":").last.map { $0.trimmed { $0 == " " || $0 == "\t" } }
    }
}
