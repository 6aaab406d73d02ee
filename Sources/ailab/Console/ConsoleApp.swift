import Canvas
import Console
import ConsoleEffects
import ConsoleViews
import CursesTerminal
import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LabCatalog
import LabControl
import LabModel
import LabLive
import LabRoadmap

/// The interactive console: a loop that sleeps in poll until a key, a signal or an engine
/// update arrives, folds what came into the state, and presents the new frame (only the
/// cells that changed). Nothing changes: nothing is written.
/// Handed whole to the UI thread, and used only there from then on.
final class ConsoleApp: @unchecked Sendable {
    let terminal: CursesTerminal
    let live: LiveLab
    /// Several engines (`--engine`, repeated): their live labs merged; nil with one engine.
    var labSet: LabSet?
    let inbox = Inbox(wake: { SignalPipe.post(SignalPipe.wake) })
    /// The engine, for the shell (`openShell`): the effects reach it through `EffectEngine`.
    let client: DockerClient
    let effects: EffectRunner
    var state: AppState

    let masker: SecretMasker

    init(
        terminal: CursesTerminal, client: DockerClient, catalog: Catalog, store: StateStore, masker: SecretMasker, keys: KeyTable = .defaults,
        firstLook: Task<LiveLab.FirstLook, any Error>? = nil
    ) {
        self.terminal = terminal
        self.masker = masker
        self.client = client
        live = LiveLab(client: client, catalog: catalog, firstLook: firstLook)
        effects = EffectRunner(
            engine: DockerEffectEngine(client: client), inbox: inbox, roadmap: RoadmapRunner(store: store),
            actions: LabActions(client: client, catalog: catalog, stateDirectory: store.directory), masker: masker)
        let snapshot = LabSnapshot(catalog: catalog, engine: .connecting(client.endpoint), containers: [])
        state = AppState(snapshot: snapshot, glyphs: terminal.unicode ? .unicode : .ascii, width: terminal.size.width, height: terminal.size.height)
        state.keys = keys
        // Marks and first-healthy times from earlier runs; a bad file is moved aside and said so.
        do {
            var warning: String?
            state.labState = try store.read(warning: { warning = $0 })
            state.notice = warning
        } catch {
            state.notice = "state file: \(error)"
        }
    }

    /// Runs until q, Ctrl-C, SIGTERM or SIGHUP. Blocks the calling (dedicated) thread.
    func run() {
        let feed = labSet?.updates() ?? live.updates()
        let (inbox, masker) = (inbox, masker)
        let pump = Task.detached {
            for await update in feed { inbox.post(.lab(update.masked(by: masker))) }
        }
        // Ages move on once a minute, on the minute: the only wake of an idle console.
        let ticker = Task.detached {
            while !Task.isCancelled {
                let now = Date().timeIntervalSince1970
                try? await Task.sleep(for: .seconds(60 - now.truncatingRemainder(dividingBy: 60) + 0.05))
                inbox.post(.tick(Date()))
            }
        }
        let gpu = GPUPoller.start(inbox)
        defer {
            gpu?.cancel()
            ticker.cancel()
            pump.cancel()
            effects.stopAll()
            terminal.stop()
        }
        ExitDeadline.arm()
        if !awaitFirstAnswer(within: .milliseconds(60)) { return }
        terminal.present(ConsoleRenderer.render(state))
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: SignalPipe.readFD, events: Int16(POLLIN), revents: 0)]
        // Engine news waiting for its frame: at most one frame of it per `frameInterval`, so a
        // flood cannot keep the loop from keys and signals, which are handled at once.
        var pending: [ConsoleEvent] = []
        var lastFrame = ContinuousClock.now, pendingSince = ContinuousClock.now
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, pending.isEmpty ? -1 : Self.milliseconds(until: lastFrame + Self.frameInterval))
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }  // the terminal is gone
            var events: [ConsoleEvent] = []
            for byte in SignalPipe.drain() {
                switch byte {
                case SignalPipe.interrupt, SignalPipe.hangup: return
                case SignalPipe.resize:
                    terminal.refreshSize()
                    events.append(.input(.resize(width: terminal.size.width, height: terminal.size.height)))
                default: break
                }
            }
            events += terminal.readInput().map(ConsoleEvent.input)
            let news = inbox.drain()
            if pending.isEmpty, !news.isEmpty { pendingSince = .now }
            pending += news
            // Keys first and alone when they came: their frame must not wait for the engine's
            // (unless the engine's news has waited a while: held keys must not hide it).
            let now = ContinuousClock.now
            if !pending.isEmpty, now >= lastFrame + Self.frameInterval, events.isEmpty || now - pendingSince > Self.frameInterval * 5 {
                events += Inbox.coalesced(pending)
                pending = []
            }
            guard !events.isEmpty else { continue }
            // The frame is derived once for the batch, and before an input that reads it (a
            // click lands on what was drawn): not once per engine event.
            var frameStale = false
            for event in events {
                let isInput = if case .input = event { true } else { false }
                if isInput, frameStale { state.refreshFrame() }
                frameStale = !isInput
                for effect in isInput ? Reducer.reduce(&state, event) : Reducer.reduceDeferringFrame(&state, event) {
                    if effect == .quit { return }
                    if case .openShell(let id, let name) = effect {
                        if !openShell(containerID: id, name: name) { return }
                        continue
                    }
                    effects.perform(effect, snapshot: state.snapshot)
                }
            }
            if frameStale { state.refreshFrame() }
            terminal.present(ConsoleRenderer.render(state))
            lastFrame = ContinuousClock.now
        }
    }

    /// At most this many frames of engine news per second (platform notes: 20-30 is plenty).
    static let frameInterval = Duration.milliseconds(40)

    static func milliseconds(until instant: ContinuousClock.Instant) -> Int32 {
        let left = instant - ContinuousClock.now
        guard left > .zero else { return 0 }
        return Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1
    }

    /// Waits (at most `limit`) for the engine's first answer before the first frame, so that
    /// frame is the lab itself, not "connecting…" redrawn a few milliseconds later. A slow or
    /// absent engine gets the connecting frame after `limit`. False when a key or effect quit.
    private func awaitFirstAnswer(within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while !state.snapshot.engine.reachable {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return true }
            var wake = pollfd(fd: SignalPipe.readFD, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&wake, 1, max(1, milliseconds)) > 0 else { return true }
            let events = inbox.drain()
            // Only a signal's byte: the main loop reads and handles it.
            guard !events.isEmpty else { return true }
            for event in events {
                for effect in Reducer.reduce(&state, event) {
                    if effect == .quit { return false }
                    effects.perform(effect, snapshot: state.snapshot)
                }
            }
        }
        return true
    }
}
