/// Arithmetic on numbers the engine sends, for the views: an engine (or anyone on a plain
/// tcp:// path) can send any value, and a view must show something, never trap. The decoders
/// already saturate (EngineEvent.nanoseconds, PullStatus.add); these are the same for what
/// views sum and convert (issue 11, item 12: two containers of 8 EiB each trapped the Services screen).
public enum Saturating {
    /// The sum, or `UInt64.max` where it would overflow.
    public static func sum(_ values: some Sequence<UInt64>) -> UInt64 {
        values.reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? .max : sum
        }
    }

    /// `value` rounded down into `range`; NaN is the range's lower bound.
    public static func int(_ value: Double, in range: ClosedRange<Int>) -> Int {
        guard !value.isNaN else { return range.lowerBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value.rounded(.down))
    }
}
