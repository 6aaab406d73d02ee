import Console
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// Carries out the reducer's effects: stats streams, log follows and port probes, each a task
/// that posts what it learns into the inbox. Only the UI thread calls it.
final class EffectRunner {
    let client: DockerClient
    let inbox: Inbox
    let roadmap: RoadmapRunner
    let actions: LabActions
    /// Container output and health checks are shown with the lab's secrets masked.
    let masker: SecretMasker
    private var actionTask: Task<Void, Never>?
    private var actionQuit: ActionQuit?
    private var statsTasks: [String: Task<Void, Never>] = [:]
    private var logTasks: [Task<Void, Never>] = []
    private var probeTask: Task<Void, Never>?
    /// Engine name → its client and actions, when several engines are watched (`EffectRunner+Engines`).
    var routes: [String: EngineRoute] = [:]

    init(client: DockerClient, inbox: Inbox, roadmap: RoadmapRunner, actions: LabActions, masker: SecretMasker) {
        self.masker = masker
        self.client = client
        self.inbox = inbox
        self.roadmap = roadmap
        self.actions = actions
    }

    /// `snapshot` is the lab as the console shows it now, for the effects that need it.
    func perform(_ effect: Effect, snapshot: LabSnapshot) {
        let (inbox, roadmap) = (inbox, roadmap)
        switch effect {
        case .runChecks:
            Task.detached {
                do {
                    inbox.post(.labState(try await roadmap.refresh(snapshot).state))
                } catch {
                    inbox.post(.stateError("state file: \(error)"))
                }
            }
        case .setMark(let metric, let met):
            let person = ProcessInfo.processInfo.environment["USER"] ?? "someone"
            do {
                inbox.post(.labState(try roadmap.mark(metric, met: met, catalog: snapshot.catalog, by: person)))
            } catch {
                inbox.post(.stateError("\(error)"))
            }
        case .noteHealthy:
            do {
                inbox.post(.labState(try roadmap.store.update { RoadmapRunner.noteHealthy(snapshot, in: &$0) }))
            } catch {
                inbox.post(.stateError("state file: \(error)"))
            }
        case .quit, .openShell: break  // the run loop's own: the loop ends, or the terminal is handed over
        case .watchStats(let ids): watchStats(ids, in: snapshot)
        case .followLogs(_, let containers, let window): followLogs(containers, window: window, in: snapshot)
        case .saveLogs(let service, let lines):
            let directory = roadmap.store.directory + "/logs"
            Task.detached {
                let path = "\(directory)/\(service)-\(Int(Date().timeIntervalSince1970)).log"
                do {
                    try AtomicFile.prepareDirectory(directory)
                    try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
                    inbox.post(.notice("saved \(lines.count) lines to \(path)"))
                } catch {
                    inbox.post(.notice("could not save the logs: \(error)"))
                }
            }
        case .stopLogs: stopLogs()
        case .planAction(let request):
            let actions = self.actions(for: request.targets, in: snapshot)
            actionTask = Task.detached {
                do {
                    inbox.post(.actionPlanned(try await actions.prepare(request)))
                } catch is CancellationError {
                    inbox.post(.actionFinished(.cancelled))
                } catch {
                    inbox.post(.actionUnavailable(actions.mask("\(error)")))
                }
            }
        case .runAction(let plan):
            let (actions, masker, quit) = (self.actions(for: plan.entries.map(\.service), in: snapshot), masker, ActionQuit())
            actionQuit = quit
            actionTask = Task.detached {
                let result = await actions.runner().run(plan, quit: quit) { inbox.post(.actionStep($0)) }
                masker.reload()  // an install may have made secrets
                inbox.post(.actionFinished(result))
            }
        case .cancelAction: actionTask?.cancel()
        case .fetchTail(let service, let containers):
            let masker = masker
            let clients = containers.map { self.client(forContainer: $0.id, in: snapshot) }
            Task.detached {
                var lines: [LogLine] = []
                for (container, client) in zip(containers, clients) {
                    guard let chunks = try? await client.logs(container.id, LogQuery(follow: false, tail: 10, timestamps: true)) else { continue }
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
                inbox.post(.detailTail(service: service, Array(lines.suffix(10))))
            }
        case .fetchInspect(let container):
            let (client, masker) = (self.client(forContainer: container.id, in: snapshot), masker)
            Task.detached {
                do {
                    let body = try await client.inspectDocument(container.id)
                    inbox.post(.inspectDocument(containerID: container.id, lines: InspectDocument.lines(body, masker: masker)))
                } catch {
                    inbox.post(.inspectDocument(containerID: container.id, lines: ["(\(container.name) could not be inspected: \(error))"]))
                }
            }
        case .probePorts(let ports):
            probeTask?.cancel()
            let inbox = inbox
            probeTask = Task.detached { inbox.post(.portProbes(await PortProbe.listening(ports))) }
        case .checkExposure:
            let checker = AuthChecker(endpoint: client.endpoint)
            Task.detached { inbox.post(.exposureChecked(await checker.check(snapshot), unchecked: checker.uncheckedReason)) }
            inbox.post(.exposureFiles(ExposureExtras.read(ExposeFiles.locate(snapshot.catalog))))
        case .planExpose, .applyExpose, .unexpose: expose(effect, snapshot: snapshot)
        }
    }

    func stopAll() {
        watchStats([], in: nil)
        stopLogs()
        probeTask?.cancel()
        // An action under way ends with the console, and its log says how: a step the engine
        // answers within a moment is logged as done or failed, one still running as interrupted.
        actionTask?.cancel()
        actionQuit?.quit(within: .milliseconds(300))
    }

    private func watchStats(_ wanted: Set<String>, in snapshot: LabSnapshot?) {
        for (id, task) in statsTasks where !wanted.contains(id) {
            task.cancel()
            statsTasks[id] = nil
        }
        for id in wanted where statsTasks[id] == nil {
            let (client, inbox) = (snapshot.map { self.client(forContainer: id, in: $0) } ?? client, inbox)
            statsTasks[id] = Task.detached {
                do {
                    for try await sample in try await client.streamStats(id) {
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
        let (inbox, masker) = (inbox, masker)
        for container in containers {
            let client = self.client(forContainer: container.id, in: snapshot)
            logTasks.append(Task.detached {
                var pending: [LogSource: String] = [:]
                do {
                    for try await chunk in try await client.logs(container.id, LogQuery(follow: true, tail: tail, timestamps: true, since: since)) {
                        let stream: LogSource = chunk.stream == .stderr ? .stderr : .stdout
                        let text = (pending[stream] ?? "") + chunk.text
                        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                        pending[stream] = lines.removeLast()
                        let parsed = lines.map { LogLineParser.parse(masker.apply($0), container: container.name, stream: stream) }
                        if !parsed.isEmpty { inbox.post(.logLines(parsed)) }
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
}

/// `2026-11-24T20:41:07.123456789Z text` → a time and the text.
enum LogLineParser {
    static func parse(_ raw: String, container: String, stream: LogSource) -> LogLine {
        guard let space = raw.firstIndex(of: " "), raw[..<space].count >= 20 else {
            return LogLine(time: nil, container: container, stream: stream, text: raw)
        }
        let stamp = String(raw[..<space])
        return LogLine(time: EngineTime.parse(stamp), container: container, stream: stream, text: String(raw[raw.index(after: space)...]))
    }
}
