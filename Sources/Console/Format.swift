import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabModel

/// Short, fixed-width renderings of times, sizes and rates.
public enum Format {
    /// `20:41` today, `Nov 23` before: an absolute time never needs redrawing to stay true.
    public static func since(_ date: Date?, now: Date, timeZone: TimeZone?) -> String {
        guard let date else { return "-" }
        let local = Local(date, timeZone)
        return local.day == Local(now, timeZone).day ? local.clock(seconds: false) : local.monthDay
    }

    /// `3h 12m`, `4m`, `<1m`: how long, to the minute, since an engine time. Ages tick once a
    /// minute, so seconds would be wrong most of the time.
    public static func age(since date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        let seconds = now.timeIntervalSince(date)
        return seconds < 60 ? "<1m" : Elapsed.short(seconds)
    }

    public static func day(_ date: Date, timeZone: TimeZone?) -> String { Local(date, timeZone).monthDay }

    public static func clock(_ date: Date?, timeZone: TimeZone?, seconds: Bool = true) -> String {
        guard let date else { return "--:--" }
        return Local(date, timeZone).clock(seconds: seconds)
    }

    /// A moment in a zone (nil: the system's local time, DST and all), by arithmetic: a
    /// DateFormatter per call cost more than drawing the rest of a frame.
    public struct Local {
        static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        /// Days since 1970-01-01 in the zone, and seconds into that day.
        let day: Int
        let second: Int

        init(_ date: Date, _ zone: TimeZone?) {
            // Saturated: any engine time must draw as some date, never trap.
            let local = Saturating.int(date.timeIntervalSince1970, in: -1_000_000_000_000...1_000_000_000_000) + (zone?.secondsFromGMT(for: date) ?? DateText.utcOffset(at: date))
            day = Int((Double(local) / 86_400).rounded(.down))
            second = local - day * 86_400
        }

        func clock(seconds: Bool) -> String {
            let (h, m, s) = (second / 3600, second / 60 % 60, second % 60)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return seconds ? "\(two(h)):\(two(m)):\(two(s))" : "\(two(h)):\(two(m))"
        }

        /// `Nov 23`.
        var monthDay: String {
            let (_, month, dayOfMonth) = DateText.civil(fromDays: day)
            return "\(Self.months[month - 1]) \(dayOfMonth)"
        }
    }

    public static func bytes(_ value: UInt64?) -> String {
        guard let value else { return "-" }
        let units = ["B", "K", "M", "G", "T"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        return amount >= 10 || unit == 0 ? "\(Int(amount.rounded()))\(units[unit])" : NumberText.fixed(amount, places: 1) + units[unit]
    }

    public static func percent(_ value: Double?) -> String {
        // From the engine's counters: clamp what no real container reaches, so Int() cannot trap.
        guard let value, value.isFinite else { return "-" }
        if value >= 100_000 { return ">99999%" }
        return value >= 10 ? "\(Int(value.rounded()))%" : NumberText.fixed(value, places: 1) + "%"
    }
}
