import Foundation

/// The figures issue 17 sets targets for, gathered while the cases run, and the table
/// `make bench` prints of them: each beside `docker ps -a` where the target is a ratio.
struct Figures {
    var firstFrame20: Double?, dockerPS20: Double?
    var firstFrame200: Double?, dockerPS200: Double?, status200: Double?
    var eventCPU200: Double?  // ms of console CPU per change drawn
    var idleCorePercent: Double?, idleBytesPerMinute: Double?
    var peakMB200: Double?, peakMB2000: Double?
}

enum Targets {
    /// Whether every target is met: `make bench` exits 1 when one is not.
    static func allMet(_ figures: Figures) -> Bool { rows(figures).allSatisfy { $0.last == "PASS" } }

    static func table(_ figures: Figures) -> String {
        let rows = rows(figures)
        let headers = ["target", "ailab", "docker ps -a", "target", ""]
        let widths = (0..<headers.count).map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([headers] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return (["", "issue 17 targets (medians; same run)", ""] + lines).joined(separator: "\n")
    }

    /// One line per target; a figure not measured (its case failed) reads "not measured", MISS.
    private static func rows(_ figures: Figures) -> [[String]] {
        func ratio(_ ms: Double?, _ yardstick: Double?, at most: Double, _ measure: String) -> [String] {
            guard let ms, let yardstick else { return [measure, "not measured", "", "≤ \(most)× docker ps -a", "MISS"] }
            let times = ms / yardstick
            return [measure, "\(Report.ms(ms)) (\(String(format: "%.2f", times))×)", Report.ms(yardstick), "≤ \(most)× docker ps -a", times <= most ? "PASS" : "MISS"]
        }
        func absolute(_ value: Double?, format: String, at most: Double, _ measure: String) -> [String] {
            guard let value else { return [measure, "not measured", "", "≤ " + String(format: format, most), "MISS"] }
            return [measure, String(format: format, value), "", "≤ " + String(format: format, most), value <= most ? "PASS" : "MISS"]
        }
        return [
            ratio(figures.firstFrame20, figures.dockerPS20, at: 1.5, "first frame, 20 containers"),
            ratio(figures.firstFrame200, figures.dockerPS200, at: 2, "first frame, 200 real containers"),
            ratio(figures.status200, figures.dockerPS200, at: 2, "ailab status --json, 200 real containers"),
            absolute(figures.eventCPU200, format: "%.2f ms CPU", at: 2, "one event to screen, 200 real containers"),
            absolute(figures.idleCorePercent, format: "%.3f %% core", at: 0.1, "idle CPU, 200 real containers"),
            absolute(figures.idleBytesPerMinute.map { $0 / 1024 }, format: "%.2f KB/min", at: 2, "idle terminal output, 200 real containers"),
            absolute(figures.peakMB200, format: "%.1f MB", at: 25, "peak RSS, 200 real containers (console VmHWM)"),
            absolute(figures.peakMB2000, format: "%.1f MB", at: 40, "peak RSS, 2,000 containers (replayed)"),
        ]
    }

    /// A process's peak resident memory (VmHWM) in MB, from /proc, while it still runs.
    static func peakMegabytes(of pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }
}
