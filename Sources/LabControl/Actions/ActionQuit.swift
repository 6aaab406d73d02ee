#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import Synchronization

/// Ends a running action when ailab quits, so its log never stops at a "started" line with no
/// outcome: the caller cancels the action's task, then `quit(within:)` gives the step under way
/// a moment to finish (its outcome is then the engine's), and logs a step still unfinished as
/// interrupted: ailab cannot know whether the engine completes it after the process is gone.
public final class ActionQuit: Sendable {
    private let reporter = Mutex<ActionReporter?>(nil)
    private let ended = DispatchSemaphore(value: 0)

    public init() {}

    func attach(_ reporter: ActionReporter) { self.reporter.withLock { $0 = reporter } }

    /// The action returned, whatever its result.
    func finished() { ended.signal() }

    /// Waits up to `grace` for the (cancelled) action to end by itself, then logs the step
    /// still under way, if any. Blocks the calling thread: call it on the way out.
    public func quit(within grace: Duration) {
        let milliseconds = Int(grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000)
        guard ended.wait(timeout: .now() + .milliseconds(milliseconds)) == .timedOut else {
            ended.signal()  // a second quit returns at once too
            return
        }
        reporter.withLock { $0 }?.abandonOpenStep()
    }
}
