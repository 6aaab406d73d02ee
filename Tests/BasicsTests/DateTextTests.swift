import Basics
import Foundation
import Testing

/// One date helper (issue 18), checked against Foundation's formatters.
@Suite struct DateTextTests {
    static let moments: [Double] = [0, 951_782_400, 1_700_000_000.75, 1_798_761_599, 4_102_444_800, -86_401]

    @Test(arguments: moments) func iso8601MatchesFoundation(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DateText.iso8601(date) == ISO8601DateFormatter().string(from: date))
    }

    @Test(arguments: moments) func localMatchesDateFormatter(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        #expect(DateText.local(date, "%Y%m%dT%H%M%S") == formatter.string(from: date))
    }

    @Test(arguments: moments) func roundTripThroughEngineTime(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds.rounded(.down))
        #expect(EngineTime.parse(DateText.iso8601(date)) == date)
    }

    @Test func civilDaysInverse() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = DateText.civil(fromDays: days)
            #expect(EngineTime.daysFromCivil(y, m, d) == days)
        }
    }
}
