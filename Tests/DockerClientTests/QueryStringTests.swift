@testable import DockerClient
import Foundation
import Testing

/// What DockerClient writes into a request line and a resume point, held to what full
/// Foundation wrote before it moved to FoundationEssentials (issue 17): the engine reads the
/// same bytes as before. Full Foundation is the oracle here; tests are not linked into ailab.
@Suite struct QueryStringTests {
    static let filterSets: [[String: [String]]] = [
        [:],
        ["label": ["ailab.managed=true", "com.docker.compose.project=lab"]],
        ["type": ["container"], "event": ["start", "die", "health_status: healthy"], "since": ["1700000000.000000001"]],
        ["ancestor": ["ghcr.io/open-webui/open-webui:main"], "name": ["/ailab-x"], "desired-state": ["running"]],
        ["label": ["quote\"back\\slash", "tab\there", "nul\u{01}ctl", "é✓ 日本"]],
        ["status": [], "health": [""], "is-task": ["true"], "label!": ["x"], "dangling": ["false"], "until": ["10m"]],
    ]

    /// The engine's filter names are lower-case words and hyphens, where JSONEncoder's key order
    /// is JSONSerialization's (which collates with ICU: "a10" after "a9", "Zeta" after "alpha").
    @Test(arguments: filterSets)
    func filtersAreTheBytesJSONSerializationWrote(filters: [String: [String]]) throws {
        let oracle = try JSONSerialization.data(withJSONObject: filters, options: [.sortedKeys])
        #expect(QueryString.filters(filters) == String(decoding: oracle, as: UTF8.self))
    }

    @Test func queryValuesAreEscapedAsBefore() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        for text in ["plain", "a b&c=d/e?f#g%h+i", "{\"label\":[\"x=y\"]}", "~tilde-dash_under.dot", "ailab-x_1", "", "é✓ 日本ǅ"] {
            #expect(QueryString.encode(text) == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text)")
        }
        // Beyond ASCII every byte is escaped (Foundation did too, letters or not).
        #expect(QueryString.encode("é✓") == "%C3%A9%E2%9C%93")
        #expect(QueryString.path("/containers/json", [("all", "1"), ("filters", "{\"a\":[\"b c\"]}")])
            == "/containers/json?all=1&filters=%7B%22a%22%3A%5B%22b%20c%22%5D%7D")
    }

    @Test func resumePointsAreWhatPrintfWrote() {
        for seconds in [0, 1_700_000_000.123456789, 1_700_000_000.5, 1e-9, 2_000_000_000.999999999] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(EventFollower.timestamp(date) == String(format: "%.9f", date.timeIntervalSince1970))
        }
        for nanoseconds: Int64 in [0, 5, 1_700_000_000_000_000_007, 1_700_000_000_123_456_789, -5, -1_000_000_001, .max] {
            let oracle = "\(nanoseconds / 1_000_000_000).\(String(format: "%09lld", nanoseconds % 1_000_000_000))"
            #expect(EventFollower.timestamp(nanoseconds: nanoseconds) == oracle, "\(nanoseconds)")
        }
    }
}
