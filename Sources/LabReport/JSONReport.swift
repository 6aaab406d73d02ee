#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A report scripts read: JSON, pretty, keys sorted (so keys never move), slashes as written.
public protocol JSONReport: Encodable {}

extension JSONReport {
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
