import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabModel

extension Reducer {
    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        if state.overlay == .logs, let effects = scrollLogs(&state, command) { return effects }
        if case .detail = state.overlay, let effects = scrollDetail(&state, command) { return effects }
        if state.overlay == .inspect, let effects = browseInspect(&state, command) { return effects }
        if state.screen == .containers, state.overlay == nil, let effects = containerCommand(&state, command) { return effects }
        switch command {
        case .quit: return [.quit]
        case .help:
            state.overlay = .help
            state.helpScroll = 0
            return []
        case .nextScreen: return show(&state, state.screen.next)
        case .previousScreen: return show(&state, state.screen.previous)
        case .goTo(let screen): return show(&state, screen)
        case .close:
            if state.overlay == .logs {
                state.overlay = nil
                state.logs = LogsState()
                return [.stopLogs] + statsEffect(state)
            }
            if state.overlay != nil {
                state.overlay = nil
                return statsEffect(state)
            }
            state.filter = ""
            return statsEffect(state)
        case .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom:
            move(&state, command)
            return statsEffect(state)
        case .detail:
            guard let service = targetService(state) else { return [] }
            state.selected = service
            state.overlay = .detail(service: service)
            state.detailScroll = 0
            state.detailTail = []
            // Its ports' auth lines want one unauthenticated request each.
            let exposure: [Effect] = state.snapshot.status(of: service)?.isInstalled == true ? [.checkExposure] : []
            return statsEffect(state) + tailEffect(state, service) + exposure
        case .logs:
            guard let service = targetService(state), let status = state.snapshot.status(of: service) else { return [] }
            state.selected = service
            state.overlay = .logs
            state.logs = LogsState()
            state.logs.service = service
            guard !status.containers.isEmpty else {
                state.logs.ended = "\(service) is not installed: it has no logs"
                return [.stopLogs]
            }
            state.logs.followed = Set(status.containers.map(\.id))
            return [.followLogs(service: service, containers: status.containers.map { ContainerRef(id: $0.id, name: $0.name) })]
        case .filter:
            state.editingFilter = true
            return []
        case .sortNext:
            let all = ServiceSort.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            return statsEffect(state)
        case .sortReverse:
            state.sortDescending.toggle()
            return statsEffect(state)
        case .runChecks:
            state.checksRunning = true
            return [.runChecks]
        case .toggleMark:
            guard state.screen == .roadmap, case .metric(let metric) = state.roadmapRows[safe: state.selectedRoadmapRow] else { return [] }
            guard metric.kind == .manual else {
                state.notice = "\(metric.id) is checked automatically: c runs the checks"
                return []
            }
            return [.setMark(metric: metric.id, met: !metric.met)]
        case .toggleGrouping:
            state.roadmapByPriority.toggle()
            state.roadmapRow = 0
            return []
        case .searchLogs, .nextMatch, .previousMatch, .follow, .toggleWrap, .toggleTimestamps, .nextLogWindow, .saveLogs:
            return []
        case .act(let kind): return startAction(&state, kind)
        case .purge: return startAction(&state, .remove, purge: true)
        case .cancelAction: return cancelAction(&state)
        case .expose, .unexpose: return startExpose(&state, command == .expose)
        case .showActionLog:
            state.overlay = .actionLog
            return statsEffect(state)
        case .palette:
            state.palette = ""
            state.paletteCandidates = []
            return []
        case .inspect:
            guard let service = targetService(state), let status = state.snapshot.status(of: service) else { return [] }
            state.selected = service
            guard let first = status.containers.first else {
                state.notice = "\(service) is not installed: it has no container to inspect"
                return []
            }
            state.overlay = .inspect
            return inspect(&state, service: service, first)
        case .shell: return shell(&state)
        }
    }

    static func show(_ state: inout AppState, _ screen: Screen) -> [Effect] {
        state.screen = screen
        keepSelectionVisible(&state)
        if case .detail = state.overlay { state.overlay = nil }
        if state.overlay == .help { state.overlay = nil }
        var effects = statsEffect(state)
        if screen == .ports {
            let rows = state.portRows  // built here, not behind every snapshot
            state.portRow = min(state.portRow, max(0, rows.count - 1))
            effects.append(.probePorts(PortRow.sorted(Set(rows.compactMap(\.target)))))
        }
        if screen == .exposure { effects.append(.checkExposure) }
        if screen == .roadmap, !state.checksRunning {
            state.checksRunning = true
            effects.append(.runChecks)
        }
        return effects
    }

    /// The service a command acts on: the selection, or the Ports screen's row's service.
    static func targetService(_ state: AppState) -> String? {
        if state.screen == .roadmap, state.overlay == nil {
            guard case .item(let item) = state.roadmapRows[safe: state.selectedRoadmapRow] else { return nil }
            return item.service
        }
        if state.screen == .exposure, state.overlay == nil {
            return state.exposureRows[safe: state.exposureRow]?.service
        }
        if state.screen == .ports, state.overlay == nil {
            let rows = state.portRows
            guard rows.indices.contains(state.portRow) else { return nil }
            return rows[state.portRow].service
        }
        return state.selected
    }

    static func inspect(_ state: inout AppState, service: String?, _ container: ContainerStatus) -> [Effect] {
        state.inspect = InspectState()
        state.inspect.service = service
        state.inspect.containerID = container.id
        state.inspect.containerName = container.name
        return [.fetchInspect(ContainerRef(id: container.id, name: container.name))]
    }

    /// Inspect scrolls like the logs, searches with / n N, and Tab moves to the service's next container.
    private static func browseInspect(_ state: inout AppState, _ command: Command) -> [Effect]? {
        let frame = state.frame ?? Frame(state)
        let page = max(1, frame.screenArea.height - 3)
        let last = max(0, state.inspect.lines.count - max(1, frame.screenArea.height - 2))
        switch command {
        case .up: state.inspect.scroll -= 1
        case .down: state.inspect.scroll += 1
        case .pageUp: state.inspect.scroll -= page
        case .pageDown: state.inspect.scroll += page
        case .top: state.inspect.scroll = 0
        case .bottom, .follow: state.inspect.scroll = last
        case .searchLogs:
            state.inspect.editingSearch = true
            state.inspect.search = ""
        case .nextMatch, .previousMatch:
            if let hit = state.inspect.match(forward: command == .nextMatch, includingCurrent: false) {
                state.inspect.scroll = hit
            } else {
                state.inspect.message = state.inspect.search.isEmpty ? "/ searches first" : "no match for '\(state.inspect.search)'"
            }
        case .nextScreen, .previousScreen:
            guard let service = state.inspect.service, let containers = state.snapshot.status(of: service)?.containers, !containers.isEmpty else { return [] }
            let index = containers.firstIndex { $0.id == state.inspect.containerID } ?? 0
            let next = containers[(index + (command == .nextScreen ? 1 : containers.count - 1)) % containers.count]
            return inspect(&state, service: service, next)
        default: return nil
        }
        // Moving stops at the last page; a match near the end may put its line at the top.
        let limit = command == .nextMatch || command == .previousMatch ? max(0, state.inspect.lines.count - 1) : last
        state.inspect.scroll = min(max(0, state.inspect.scroll), limit)
        return []
    }

    /// A stopped or crashed service's Detail shows the last lines its containers wrote.
    static func tailEffect(_ state: AppState, _ service: String) -> [Effect] {
        guard let status = state.snapshot.status(of: service) else { return [] }
        let stopped = status.containers.filter { $0.state == .exited || $0.state == .dead }
        guard !stopped.isEmpty else { return [] }
        return [.fetchTail(service: service, containers: stopped.map { ContainerRef(id: $0.id, name: $0.name) })]
    }

    private static func scrollDetail(_ state: inout AppState, _ command: Command) -> [Effect]? {
        let frame = state.frame ?? Frame(state)
        let page = max(1, frame.screenArea.height - 3)
        switch command {
        case .up: state.detailScroll -= 1
        case .down: state.detailScroll += 1
        case .pageUp: state.detailScroll -= page
        case .pageDown: state.detailScroll += page
        case .top: state.detailScroll = 0
        case .bottom: state.detailScroll = frame.detailScrollLimit
        default: return nil
        }
        state.detailScroll = min(max(0, state.detailScroll), frame.detailScrollLimit)
        return []
    }

    private static func scrollLogs(_ state: inout AppState, _ command: Command) -> [Effect]? {
        let page = max(1, Layout(width: state.width, height: state.height).body.height - 3)
        let maximum = max(0, state.logs.lines.count - 1)
        switch command {
        case .up: state.logs.scrollBack = min(maximum, state.logs.scrollBack + 1)
        case .down: state.logs.scrollBack = max(0, state.logs.scrollBack - 1)
        case .pageUp: state.logs.scrollBack = min(maximum, state.logs.scrollBack + page)
        case .pageDown: state.logs.scrollBack = max(0, state.logs.scrollBack - page)
        case .top: state.logs.scrollBack = maximum
        case .bottom, .follow: state.logs.scrollBack = 0
        case .searchLogs:
            state.logs.editingSearch = true
            state.logs.search = ""
        case .toggleWrap: state.logs.wrap.toggle()
        case .toggleTimestamps: state.logs.timestamps.toggle()
        case .nextLogWindow:
            guard let service = state.logs.service, case let containers = logContainers(state, service), !containers.isEmpty else { return [] }
            state.logs.window = state.logs.window.next
            state.logs.lines = []
            state.logs.scrollBack = 0
            state.logs.ended = nil
            return [.stopLogs, .followLogs(service: service, containers: containers, window: state.logs.window)]
        case .saveLogs:
            guard let service = state.logs.service, !state.logs.lines.isEmpty else {
                state.notice = "nothing to save yet"
                return []
            }
            return [.saveLogs(service: service, lines: state.logs.lines.map { LogLineText.plain($0, timeZone: state.timeZone) })]
        case .nextMatch: jumpToMatch(&state, older: true, includingCurrent: false)
        case .previousMatch: jumpToMatch(&state, older: false, includingCurrent: false)
        default: return nil
        }
        return []
    }

    /// Moves the view to the next line containing the search text.
    static func jumpToMatch(_ state: inout AppState, older: Bool, includingCurrent: Bool) {
        let needle = state.logs.search.lowercased()
        let lines = state.logs.lines
        guard !needle.isEmpty else { return }
        let current = lines.count - 1 - state.logs.scrollBack
        let candidates = older
            ? Array(stride(from: includingCurrent ? current : current - 1, through: 0, by: -1))
            : Array(stride(from: includingCurrent ? current : current + 1, to: lines.count, by: 1))
        if let hit = candidates.first(where: { !lines[$0].marker && lines[$0].text.lowercased().contains(needle) }) {
            state.logs.scrollBack = lines.count - 1 - hit
        } else {
            let anywhere = lines.contains { !$0.marker && $0.text.lowercased().contains(needle) }
            state.notice = anywhere ? "no \(older ? "older" : "newer") match for '\(state.logs.search)'" : "no match for '\(state.logs.search)'"
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
