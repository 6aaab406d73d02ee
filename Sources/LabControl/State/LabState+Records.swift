#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LabState {
    /// Marks a manual metric met by `person`. The first mark stands: it says when the metric
    /// was first met and by whom, so marking it again changes nothing.
    public mutating func mark(_ metric: String, by person: String, at time: Date = Date()) {
        if marks[metric] == nil { marks[metric] = ManualMark(markedAt: time, by: person) }
    }

    /// Keeps an automatic check's latest run, replacing the one before.
    public mutating func record(_ check: String, met: Bool, detail: String, at time: Date) {
        checks[check] = CheckRecord(ranAt: time, met: met, detail: detail)
    }
}
