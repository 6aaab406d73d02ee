import Console
import ConsoleEffects
import DockerClient
import Foundation
import LabCatalog
import LabControl
import LabModel
import LabRoadmap
import TestSupport
import Testing

/// The effect runner against a fake engine: what it posts, in what order, and that quitting
/// leaves no task of it running.
struct EffectRunnerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-effects-\(UUID().uuidString)").path
    let woken = Counter()

    func runner(_ engine: FakeEffectEngine) throws -> (EffectRunner, Inbox, LabSnapshot) {
        let inbox = Inbox(wake: { [woken] in woken.add() })
        let catalog = try Catalog.builtIn()
        // The client is never called: actions are not among these tests' effects.
        let client = DockerClient(endpoint: .unix(path: directory + "/no-engine.sock"))
        let runner = EffectRunner(
            engine: engine, inbox: inbox, roadmap: RoadmapRunner(store: StateStore(directory: directory)),
            actions: LabActions(client: client, catalog: catalog, stateDirectory: directory), masker: SecretMasker(store: nil))
        return (runner, inbox, LabSnapshot(catalog: catalog, engine: .connecting(client.endpoint), containers: []))
    }

    /// Every log line posted so far, in order.
    func lines(_ events: [ConsoleEvent]) -> [LogLine] {
        events.flatMap { event -> [LogLine] in
            if case .logLines(let lines) = event { return lines } else { return [] }
        }
    }

    @Test func aFollowedLogIsCutIntoLinesAcrossChunksPerStream() async throws {
        let engine = FakeEffectEngine()
        let (runner, inbox, snapshot) = try runner(engine)
        runner.perform(.followLogs(service: "web", containers: [ContainerRef(id: "c1", name: "web-1")]), snapshot: snapshot)
        #expect(await waitFor { engine.logFeeds.withLock { $0["c1"] != nil } })
        engine.feed("c1", "2026-11-24T20:41:07.123456789Z first li")
        engine.feed("c1", "2026-11-24T20:41:08.000000000Z oops\n", stream: .stderr)
        engine.feed("c1", "ne\n2026-11-24T20:41:09.000000000Z second\n")
        engine.end("c1")
        var posted: [ConsoleEvent] = []
        #expect(await waitFor {
            posted += inbox.drain()
            return lines(posted).contains { $0.marker }
        })
        let texts = lines(posted).map { "\($0.stream == .stderr ? "!" : "")\($0.text)" }
        #expect(texts == ["!oops", "first line", "second", "web-1 stopped; its log ends here"])
        #expect(lines(posted).first?.time != nil)
        #expect(woken.value >= 1)
    }

    @Test func quittingCancelsEveryTaskItStarted() async throws {
        let engine = FakeEffectEngine(probesHang: true)
        let (runner, _, snapshot) = try runner(engine)
        runner.perform(.followLogs(service: "web", containers: [ContainerRef(id: "c1", name: "web-1"), ContainerRef(id: "c2", name: "web-2")]), snapshot: snapshot)
        runner.perform(.watchStats(["c1", "c2"]), snapshot: snapshot)
        runner.perform(.probePorts([PortProbe.Target(port: 8080)]), snapshot: snapshot)
        #expect(await waitFor { engine.logFeeds.withLock { $0.count } == 2 })
        #expect(runner.runningTasks == 5)
        runner.stopAll()
        #expect(await waitFor { runner.runningTasks == 0 && engine.cancelled.value == 5 })
    }

    /// Nobody drains the inbox (a UI loop that falls behind): the follow stops at the limit,
    /// and the flood waits in its stream instead of in memory.
    @Test func aLogFloodWaitsWhileTheInboxIsFull() async throws {
        let engine = FakeEffectEngine()
        let (runner, inbox, snapshot) = try runner(engine)
        runner.logLinesInFlight = 500
        runner.perform(.followLogs(service: "web", containers: [ContainerRef(id: "flood", name: "flood-1")]), snapshot: snapshot)
        #expect(await waitFor { inbox.waitingLogLines > 500 })
        try await Task.sleep(for: .milliseconds(300))
        // One chunk past the limit at most, and only what the stream's buffer holds beside it.
        #expect(inbox.waitingLogLines <= 510)
        #expect(engine.flooded.value <= 510 + 17 * 10)
        _ = inbox.drain()
        #expect(await waitFor { inbox.waitingLogLines > 0 })
        runner.stopAll()
        #expect(await waitFor { runner.runningTasks == 0 })
    }

    @Test func aDetailTailIsTheLastTenLinesOfAllContainersInTimeOrder() async throws {
        func chunk(_ second: Int, _ text: String) -> LogChunk {
            LogChunk(stream: .stdout, bytes: Array("2026-11-24T20:41:\(String(format: "%02d", second)).000000000Z \(text)\n".utf8))
        }
        let engine = FakeEffectEngine(tails: [
            "a": (0..<8).map { chunk($0 * 2, "a\($0)") },
            "b": (0..<8).map { chunk($0 * 2 + 1, "b\($0)") },
        ])
        let (runner, inbox, snapshot) = try runner(engine)
        runner.perform(.fetchTail(service: "web", containers: [ContainerRef(id: "a", name: "a"), ContainerRef(id: "b", name: "b")]), snapshot: snapshot)
        var tail: [LogLine]?
        #expect(await waitFor {
            for case .detailTail(_, let lines) in inbox.drain() { tail = lines }
            return tail != nil
        })
        #expect(tail?.map(\.text) == ["a3", "b3", "a4", "b4", "a5", "b5", "a6", "b6", "a7", "b7"])
    }

    @Test func marksAreWrittenInTheOrderGivenOffTheUIThread() async throws {
        let (runner, inbox, snapshot) = try runner(FakeEffectEngine())
        let metric = try #require(snapshot.catalog.roadmap.metrics.first { $0.check == nil }?.id)
        runner.perform(.setMark(metric: metric, met: true), snapshot: snapshot)
        runner.perform(.setMark(metric: metric, met: false), snapshot: snapshot)
        var states: [LabState] = []
        #expect(await waitFor {
            for case .labState(let state) in inbox.drain() { states.append(state) }
            return states.count == 2
        })
        #expect(states.first?.marks[metric] != nil)
        #expect(states.last?.marks[metric] == nil)
        #expect(try StateStore(directory: directory).read(warning: { _ in }).marks[metric] == nil)
    }
}

struct LogLineParserTests {
    @Test func aTimestampedLineIsSplitAndAnUnstampedOneKeptWhole() {
        let stamped = LogLineParser.parse("2026-11-24T20:41:07.123456789Z hello world", container: "c", stream: .stdout)
        #expect(stamped.text == "hello world")
        #expect(stamped.time != nil)
        let bare = LogLineParser.parse("short line", container: "c", stream: .stderr)
        #expect(bare.text == "short line")
        #expect(bare.time == nil)
        #expect(bare.stream == .stderr)
    }
}
