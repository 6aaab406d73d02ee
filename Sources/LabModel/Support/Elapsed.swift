#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// Short human durations for narrow columns: `45s`, `12m`, `3h 4m`, `2d 3h`.
public enum Elapsed {
    public static func short(_ seconds: TimeInterval) -> String {
        // Engine times can be anything: a start time in year 1 or 9999 must not trap Int().
        let total = seconds.isFinite ? Int(max(0, min(seconds, 1e15))) : 0
        let (days, hours, minutes) = (total / 86_400, total / 3600 % 24, total / 60 % 60)
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if total >= 3600 { return minutes > 0 ? "\(total / 3600)h \(minutes)m" : "\(total / 3600)h" }
        if total >= 60 { return "\(total / 60)m" }
        return "\(total)s"
    }

    public static func since(_ date: Date?, now: Date) -> String {
        date.map { short(now.timeIntervalSince($0)) } ?? "-"
    }

    /// `0.8 s`, `12 s`, `3m`: how long a step took.
    public static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        if seconds < 10 { return NumberText.fixed(seconds, places: 1) + " s" }
        if seconds < 60 { return "\(Int(seconds)) s" }
        return short(seconds)
    }
}
