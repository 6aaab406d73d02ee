@testable import ConsoleViews
import Testing

/// The log search's highlight finds the same place the search does (letters compared
/// lower-cased), now without Foundation's `.caseInsensitive` search (issue 17).
@Suite struct LogHighlightTests {
    func match(_ search: String, _ text: String) -> String? {
        LogsView.firstMatch(search, in: text).map { String(text[$0]) }
    }

    @Test func theFirstPlaceInAnyCaseIsFound() {
        #expect(match("err", "WARN then Error: err") == "Err")
        #expect(match("ÉTÉ", "un été chaud") == "été")
        #expect(match("line", "line") == "line")
        #expect(match("tail", "the tail") == "tail")
        let text = "a\r\nb ok"
        #expect(LogsView.firstMatch("OK", in: text) == text.firstRange(of: "ok"))
    }

    @Test func nothingIsFoundWhereNothingIs() {
        #expect(match("missing", "short") == nil)
        #expect(match("longer than the text", "text") == nil)
        #expect(match("", "anything") == nil)
        #expect(match("x", "") == nil)
    }
}
