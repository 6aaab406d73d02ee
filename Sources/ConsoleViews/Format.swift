import Foundation

/// Short, fixed-width renderings of times, sizes and rates.
enum Format {
    /// `20:41` today, `Nov 23` before: an absolute time never needs redrawing to stay true.
    static func since(_ date: Date?, now: Date, timeZone: TimeZone) -> String {
        guard let date else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = calendar.isDate(date, inSameDayAs: now) ? "HH:mm" : "MMM d"
        return formatter.string(from: date)
    }

    static func day(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "MMM d"
        return formatter.string(from: date)
    }

    static func clock(_ date: Date?, timeZone: TimeZone, seconds: Bool = true) -> String {
        guard let date else { return "--:--" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = seconds ? "HH:mm:ss" : "HH:mm"
        return formatter.string(from: date)
    }

    static func bytes(_ value: UInt64?) -> String {
        guard let value else { return "-" }
        let units = ["B", "K", "M", "G", "T"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        return amount >= 10 || unit == 0 ? "\(Int(amount.rounded()))\(units[unit])" : String(format: "%.1f%@", amount, units[unit])
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value >= 10 ? "\(Int(value.rounded()))%" : String(format: "%.1f%%", value)
    }
}
