import Console
import Foundation
import Testing

/// Times are formatted by arithmetic, not DateFormatter: they must agree with it anyway.
struct FormatTests {
    @Test(arguments: ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"])
    func clockAndDayAgreeWithDateFormatter(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(generator.next() % 4_000_000_000) - 500_000_000)
            formatter.dateFormat = "HH:mm:ss"
            #expect(Format.clock(date, timeZone: zone) == formatter.string(from: date))
            formatter.dateFormat = "MMM d"
            #expect(Format.day(date, timeZone: zone) == formatter.string(from: date))
        }
    }

    @Test func absurdEngineFiguresDoNotTrap() {
        #expect(Format.percent(1e21) == ">99999%")
        #expect(Format.percent(.infinity) == "-")
        #expect(Format.percent(.nan) == "-")
        #expect(Format.percent(12.34) == "12%")
    }
}
