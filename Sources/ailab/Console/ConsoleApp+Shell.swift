import Console
import CursesTerminal
import Dispatch
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `Effect.openShell`: the run loop lends the terminal to a shell in a container and takes it
/// back when the shell exits. Any container will do (a service's component, or any other).
extension ConsoleApp {
    /// Runs the shell to its end. False when the console should end too (the terminal went
    /// away, or a signal asked to quit while the shell ran).
    func openShell(containerID: String, name: String) -> Bool {
        let client = effects.client(forContainer: containerID, in: state.snapshot) ?? self.client  // the engine that runs it
        let size = TerminalSize(rows: terminal.size.height, columns: terminal.size.width)
        let term = ProcessInfo.processInfo.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm"
        let session: ShellSession
        switch Self.blocking({ try await client.openShell(containerID, term: term, size: size) }) {
        case .failure(let error):
            _ = Reducer.reduce(&state, .notice("no shell in \(name): \(error)"))
            return true
        case .success(let opened): session = opened
        }
        let ending = terminal.handOver { ShellPump(session: session, client: client).run() }
        session.connection.close()
        let exit: String
        switch Self.blocking({ try await client.inspectExec(session.execID) }) {
        case .success(let state) where state.exitCode != nil: exit = " (exit \(state.exitCode!))"
        default: exit = ""
        }
        _ = Reducer.reduce(&state, .input(.resize(width: terminal.size.width, height: terminal.size.height)))
        _ = Reducer.reduce(&state, .notice("shell in \(name) (\(session.shell)) ended\(exit)"))
        // The pump may have read the inbox's wake byte: wake the loop for news that came meanwhile.
        SignalPipe.post(SignalPipe.wake)
        return ending == .exited
    }

    /// Runs `work` on the concurrency pool and waits for it: the UI thread is a thread of its
    /// own (ConsoleCommand), so waiting blocks no task, and nothing else is drawn meanwhile.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let (box, done) = (ResultBox<T>(), DispatchSemaphore(value: 0))
        Task.detached {
            do {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return box.result!
    }
}

/// Where `blocking`'s task leaves its result; read only after the semaphore says it is there.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
