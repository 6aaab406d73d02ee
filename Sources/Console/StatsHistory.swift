#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A container's recent resource use, for sparklines and I/O rates: the newest samples of the
/// stats stream (about one a second), bounded.
public struct StatsHistory: Sendable, Equatable {
    public static let limit = 180  // three minutes at the engine's pace

    public private(set) var cpu: [Double] = []
    public private(set) var memory: [UInt64] = []
    public private(set) var last: StatsSample?
    /// Bytes per second between the last two samples; nil until there are two.
    public private(set) var rates: Rates?

    public struct Rates: Sendable, Equatable {
        public var networkIn, networkOut, blockRead, blockWrite: Double
    }

    public init() {}

    public mutating func append(_ sample: StatsSample) {
        if let previous = last, let then = previous.at, let now = sample.at, now > then {
            let seconds = now.timeIntervalSince(then)
            // A counter that went down (a restart) gives no rate, not a negative one.
            func rate(_ new: UInt64, _ old: UInt64) -> Double { new >= old ? Double(new - old) / seconds : 0 }
            rates = Rates(
                networkIn: rate(sample.networkRx, previous.networkRx), networkOut: rate(sample.networkTx, previous.networkTx),
                blockRead: rate(sample.blockRead, previous.blockRead), blockWrite: rate(sample.blockWrite, previous.blockWrite))
        }
        if let percent = sample.cpuPercent, percent.isFinite { cpu.append(max(0, percent)) }
        memory.append(sample.memoryBytes)
        if cpu.count > Self.limit { cpu.removeFirst(cpu.count - Self.limit) }
        if memory.count > Self.limit { memory.removeFirst(memory.count - Self.limit) }
        last = sample
    }

    /// Several containers' histories as one: the sums of their newest samples, aligned at the end.
    public static func combined(_ histories: [StatsHistory]) -> (cpu: [Double], memory: [Double]) {
        func sum(_ series: [[Double]]) -> [Double] {
            let length = series.map(\.count).max() ?? 0
            return (0..<length).map { index in
                series.reduce(0) { total, values in
                    let offset = values.count - length + index
                    return total + (offset >= 0 ? values[offset] : 0)
                }
            }
        }
        return (sum(histories.map(\.cpu)), sum(histories.map { $0.memory.map(Double.init) }))
    }
}
