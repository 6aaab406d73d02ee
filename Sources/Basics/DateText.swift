#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Dates as text, the one place for it (issue 18): RFC 3339 in UTC by arithmetic, local
/// calendar text through the C library's `localtime_r`/`strftime` (the TZ rules the user's
/// shell has). DateFormatter and ISO8601DateFormatter are full Foundation and load ICU (issue 17).
public enum DateText {
    /// "2026-11-27T21:05:09Z": what ISO8601DateFormatter's default (`.withInternetDateTime`) writes.
    public static func iso8601(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let seconds = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return NumberText.zeroPadded(year, width: 4) + "-" + NumberText.zeroPadded(month, width: 2) + "-" + NumberText.zeroPadded(day, width: 2)
            + "T" + NumberText.zeroPadded(seconds / 3600, width: 2) + ":" + NumberText.zeroPadded(seconds % 3600 / 60, width: 2) + ":"
            + NumberText.zeroPadded(seconds % 60, width: 2) + "Z"
    }

    /// The date in the local time zone through `strftime` (e.g. "%Y-%m-%d", "%H:%M",
    /// "%Y%m%dT%H%M%S"); only numeric fields are meant, so the C locale's names never show.
    public static func local(_ date: Date, _ pattern: String) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return iso8601(date) }
        var buffer = [CChar](repeating: 0, count: 128)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Seconds east of UTC of the local time zone at `date` (the C library's `tm_gmtoff`, so
    /// daylight saving is right for that date). FoundationEssentials' `TimeZone.current` is GMT
    /// without ICU's zone data, so local clocks come from here.
    public static func utcOffset(at date: Date) -> Int {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian; Howard
    /// Hinnant's `civil_from_days`, the inverse of `EngineTime.daysFromCivil`).
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
