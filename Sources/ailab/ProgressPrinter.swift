import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl
import Synchronization

/// Prints action events. On a terminal a started step and a pull's progress share one line that
/// is rewritten in place; elsewhere every step is a line and pull progress a line a second.
final class ProgressPrinter: Sendable {
    private struct Line {
        /// A line on screen that the next output rewrites.
        var transient = false
        var lastPlainProgress = Date.distantPast
    }

    private let live: Bool
    private let line = Mutex(Line())

    init(live: Bool) { self.live = live }

    func show(_ event: ActionEvent) {
        line.withLock { line in
            let prefix = event.service.map { "\($0): " } ?? ""
            switch event.outcome {
            case .progress:
                let text = "\(prefix)pull \(event.pull?.image ?? "") \(bar(event.pull)) \(event.text)"
                if live {
                    rewrite(text, &line)
                } else if Date().timeIntervalSince(line.lastPlainProgress) >= 1 {
                    line.lastPlainProgress = Date()
                    emit(text, &line)
                }
            case .started:
                if live { rewrite("\(prefix)\(event.text) …", &line) } else { emit("\(prefix)\(event.text) …", &line) }
            case .done: emit("\(prefix)✓ \(event.text)", &line)
            case .info: emit("\(prefix)· \(event.text)", &line)
            case .failed: emit("\(prefix)✗ \(event.text)", &line)
            }
        }
    }

    func finish() { line.withLock { if $0.transient { clearLine(&$0) } } }

    private func bar(_ pull: PullStatus?) -> String {
        guard let pull, pull.total > 0 else { return "[" + String(repeating: " ", count: 20) + "]" }
        let filled = Int(Double(pull.downloaded) / Double(pull.total) * 20)
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled) + "]"
    }

    private func rewrite(_ text: String, _ line: inout Line) {
        clearLine(&line)
        let safe = TerminalText.safe(text, keepingLines: false)  // one line, rewritten in place
        StandardStream.output.write(String(safe.prefix(max(20, TerminalColumns.current() - 1))))
        line.transient = true
    }

    private func emit(_ text: String, _ line: inout Line) {
        if line.transient { clearLine(&line) }
        Stdout.line(text)
    }

    private func clearLine(_ line: inout Line) {
        StandardStream.output.write("\r\u{1B}[K")
        line.transient = false
    }
}
