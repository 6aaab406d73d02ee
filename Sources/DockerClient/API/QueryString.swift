#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// Builds `path?key=value&...` with strict percent-encoding (filters carry JSON).
enum QueryString {
    static func path(_ path: String, _ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        let query = items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return "\(path)?\(query)"
    }

    /// Every byte but RFC 3986's unreserved ones escaped.
    static func encode(_ text: String) -> String { text.percentEncoded() }

    /// The engine's `filters` parameter: a JSON map of name to accepted values, keys sorted and
    /// slashes escaped as JSONSerialization wrote them (QueryStringTests holds it to that).
    static func filters(_ filters: [String: [String]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(filters)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
