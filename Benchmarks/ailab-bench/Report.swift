import Foundation

/// One line of the benchmark's table.
struct Row {
    var measure: String
    var value: String
    var target: String = "—"
    /// nil when the row has no target.
    var met: Bool?
    var yardstick: String = ""
}

enum Report {
    static func table(_ rows: [Row], engine: String, idleSeconds: Double) -> String {
        var lines = [
            "ailab benchmark · release build · \(engine) · \(ProcessInfo.processInfo.activeProcessorCount) cores · idle window \(Int(idleSeconds)) s",
            "",
        ]
        let headers = ["measure", "ailab", "target", "", "yardstick (same run)"]
        let cells = rows.map { [$0.measure, $0.value, $0.target, $0.met.map { $0 ? "ok" : "MISSED" } ?? "", $0.yardstick] }
        let widths = (0..<headers.count).map { column in ([headers] + cells).map { $0[column].count }.max() ?? 0 }
        for row in [headers] + cells {
            lines.append(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }

    static func ms(_ value: Double) -> String { value < 10 ? String(format: "%.2f ms", value) : String(format: "%.0f ms", value) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}
