import Basics
import Console
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl
import LabModel
import LabReport
import LabRoadmap
import LabExposure

/// Carries out the reducer's effects: stats streams, log follows, port probes, actions and
/// state-file writes, each a task that posts what it learns into the inbox. Only the UI thread
/// calls it, and nothing it does blocks that thread: every effect with I/O runs in a task.
public final class EffectRunner {
    let engine: any EffectEngine
    let inbox: Inbox
    let roadmap: RoadmapRunner
    let actions: LabActions
    /// Container output and health checks are shown with the lab's secrets masked.
    let masker: SecretMasker
    /// Every task started here, so `stopAll` leaves none running.
    let tasks = EffectTasks()
    private var actionTask: Task<Void, Never>?
    private var actionQuit: ActionQuit?
    private var statsTasks: [String: Task<Void, Never>] = [:]
    private var logTasks: [Task<Void, Never>] = []
    private var probeTask: Task<Void, Never>?
    /// The last state-file write: the next waits for it, so marks land in the order given.
    private var stateWrite: Task<Void, Never>?
    /// At most this many followed log lines wait in the inbox; a faster log waits at its stream.
    public var logLinesInFlight = 5_000
    /// Engine name → its engine and actions, when several engines are watched (`EffectRunner+Engines`).
    public var routes: [String: EngineRoute] = [:]

    public init(engine: any EffectEngine, inbox: Inbox, roadmap: RoadmapRunner, actions: LabActions, masker: SecretMasker) {
        self.engine = engine
        self.inbox = inbox
        self.roadmap = roadmap
        self.actions = actions
        self.masker = masker
    }

    /// `snapshot` is the lab as the console shows it now, for the effects that need it.
    public func perform(_ effect: Effect, snapshot: LabSnapshot) {
        let (inbox, roadmap, engine, masker) = (inbox, roadmap, engine, masker)
        switch effect {
        case .runChecks:
            tasks.start {
                do {
                    inbox.post(.labState(try await roadmap.refresh(snapshot).state))
                } catch {
                    inbox.post(.stateError("state file: \(error)"))
                }
            }
        case .setMark(let metric, let met):
            let person = ProcessInfo.processInfo.environment["USER"] ?? "someone"
            writeState { try roadmap.mark(metric, met: met, catalog: snapshot.catalog, by: person) }
        case .noteHealthy:
            writeState { try roadmap.store.update { RoadmapRunner.noteHealthy(snapshot, in: &$0) } }
        case .quit, .openShell: break  // the run loop's own: the loop ends, or the terminal is handed over
        case .watchStats(let ids): watchStats(ids, in: snapshot)
        case .followLogs(_, let containers, let window): followLogs(containers, window: window, in: snapshot)
        case .saveLogs(let service, let lines): saveLogs(service, lines)
        case .stopLogs: stopLogs()
        case .planAction(let request):
            let actions = self.actions(for: request.targets, in: snapshot)
            actionTask = tasks.start {
                do {
                    inbox.post(.actionPlanned(try await actions.prepare(request)))
                } catch is CancellationError {
                    inbox.post(.actionFinished(.cancelled))
                } catch {
                    inbox.post(.actionUnavailable(actions.mask("\(error)")))
                }
            }
        case .runAction(let plan):
            let (actions, quit) = (self.actions(for: plan.entries.map(\.service), in: snapshot), ActionQuit())
            actionQuit = quit
            actionTask = tasks.start {
                let result = await actions.runner().run(plan, quit: quit) { inbox.post(.actionStep($0)) }
                masker.reload()  // an install may have made secrets
                inbox.post(.actionFinished(result))
            }
        case .cancelAction: actionTask?.cancel()
        case .fetchTail(let service, let containers):
            let engines = containers.map { self.engine(forContainer: $0.id, in: snapshot) }
            tasks.start { inbox.post(.detailTail(service: service, await Self.tail(of: containers, engines: engines, masker: masker))) }
        case .fetchInspect(let container):
            let engine = self.engine(forContainer: container.id, in: snapshot)
            tasks.start {
                do {
                    let body = try await engine.inspectDocument(container.id)
                    inbox.post(.inspectDocument(containerID: container.id, lines: InspectDocument.lines(body, masker: masker)))
                } catch {
                    inbox.post(.inspectDocument(containerID: container.id, lines: ["(\(container.name) could not be inspected: \(error))"]))
                }
            }
        case .probePorts(let ports):
            probeTask?.cancel()
            probeTask = tasks.start { inbox.post(.portProbes(await engine.listening(ports))) }
        case .checkExposure:
            tasks.start {
                let (findings, unchecked) = await engine.checkExposure(snapshot)
                inbox.post(.exposureChecked(findings, unchecked: unchecked))
            }
            // Reads the lab's expose files: off the UI thread.
            tasks.start { inbox.post(.exposureFiles(ExposureExtras.read(ExposeFiles.locate(snapshot.catalog)))) }
        case .planExpose, .applyExpose, .unexpose: expose(effect, snapshot: snapshot)
        }
    }

    /// Cancels every task started here (streams, probes, checks, writes under way).
    public func stopAll() {
        // An action under way ends with the console, and its log says how: a step the engine
        // answers within a moment is logged as done or failed, one still running as interrupted.
        // The one blocking wait on the UI thread, on the way out only: the action's log is
        // worth 300 ms of a quit.
        tasks.cancelAll()
        actionQuit?.quit(within: .milliseconds(300))
        statsTasks = [:]
        logTasks = []
    }

    /// How many of its tasks are still running.
    public var runningTasks: Int { tasks.count }

    /// A state-file change off the UI thread: the file is locked (flock) and fsynced, and another
    /// console may hold the lock. The write itself blocks a pool thread for that moment: one
    /// small local file, one write at a time (each waits for the one before).
    private func writeState(_ change: @escaping @Sendable () throws -> LabState) {
        let (inbox, previous) = (inbox, stateWrite)
        stateWrite = tasks.start {
            await previous?.value
            do {
                inbox.post(.labState(try change()))
            } catch {
                inbox.post(.stateError("state file: \(error)"))
            }
        }
    }

    private func saveLogs(_ service: String, _ lines: [String]) {
        let (inbox, directory) = (inbox, roadmap.store.directory + "/logs")
        tasks.start {
            let path = "\(directory)/\(service)-\(Int(Date().timeIntervalSince1970)).log"
            do {
                // Blocks a pool thread for one small local write (fsync): rare, asked for by a key.
                try AtomicFile.prepareDirectory(directory)
                try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
                inbox.post(.notice("saved \(lines.count) lines to \(path)"))
            } catch {
                inbox.post(.notice("could not save the logs: \(error)"))
            }
        }
    }

    private func watchStats(_ wanted: Set<String>, in snapshot: LabSnapshot?) {
        for (id, task) in statsTasks where !wanted.contains(id) {
            task.cancel()
            statsTasks[id] = nil
        }
        for id in wanted where statsTasks[id] == nil {
            let (engine, inbox) = (self.engine(forContainer: id, in: snapshot), inbox)
            statsTasks[id] = tasks.start {
                do {
                    for try await sample in try await engine.stats(id) {
                        inbox.post(.stats(containerID: id, StatsSample(
                            cpuPercent: sample.cpuPercent, memoryBytes: sample.memoryUsed, memoryLimit: sample.memoryLimit,
                            networkRx: sample.networkRx, networkTx: sample.networkTx, blockRead: sample.blockRead,
                            blockWrite: sample.blockWrite, at: EngineTime.parse(sample.read))))
                    }
                } catch {
                    // A stopped container ends its stream; the next snapshot decides whether to watch again.
                }
            }
        }
    }

    private func stopLogs() {
        logTasks.forEach { $0.cancel() }
        logTasks = []
    }

    private func followLogs(_ containers: [ContainerRef], window: LogWindow, in snapshot: LabSnapshot) {
        stopLogs()
        let (tail, since) = window.query(now: Date())
        let (inbox, masker, inFlight) = (inbox, masker, logLinesInFlight)
        for container in containers {
            let engine = self.engine(forContainer: container.id, in: snapshot)
            logTasks.append(tasks.start {
                var pending: [LogSource: String] = [:]
                do {
                    for try await chunk in try await engine.logs(container.id, LogQuery(follow: true, tail: tail, timestamps: true, since: since)) {
                        let stream: LogSource = chunk.stream == .stderr ? .stderr : .stdout
                        let text = (pending[stream] ?? "") + chunk.text
                        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                        pending[stream] = lines.removeLast()
                        let parsed = lines.map { LogLineParser.parse(masker.apply($0), container: container.name, stream: stream) }
                        if !parsed.isEmpty {
                            await inbox.roomForLogLines(inFlight)
                            inbox.post(.logLines(parsed))
                        }
                    }
                    // A marker line, in time order among the others (a replacement's lines come after it).
                    inbox.post(.logLines([LogLine(time: Date(), container: container.name, stream: .stdout, text: "\(container.name) stopped; its log ends here", marker: true)]))
                } catch is CancellationError {
                } catch {
                    inbox.post(.logsEnded(reason: "logs of \(container.name): \(error)"))
                }
            })
        }
    }

    /// The last ten lines of the service's containers, oldest first, secrets masked.
    static func tail(of containers: [ContainerRef], engines: [any EffectEngine], masker: SecretMasker) async -> [LogLine] {
        var lines: [LogLine] = []
        for (container, engine) in zip(containers, engines) {
            guard let chunks = try? await engine.logs(container.id, LogQuery(follow: false, tail: 10, timestamps: true)) else { continue }
            var text = ["": ""]
            do {
                for try await chunk in chunks { text[chunk.stream == .stderr ? "!" : "", default: ""] += chunk.text }
            } catch {}
            for (stream, output) in text {
                lines += output.split(separator: "\n").map {
                    LogLineParser.parse(masker.apply(String($0)), container: container.name, stream: stream == "!" ? .stderr : .stdout)
                }
            }
        }
        lines.sort { ($0.time ?? .distantPast) < ($1.time ?? .distantPast) }
        return Array(lines.suffix(10))
    }
}
