#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabLive

extension Reducer {
    static func apply(_ state: inout AppState, _ snapshot: LabSnapshot) -> [Effect] {
        state.now = max(state.now, snapshot.takenAt)
        let portsBefore = state.screen == .ports ? Set(state.portRows.compactMap(\.target)) : []
        state.snapshot = snapshot
        if state.selected == nil || snapshot.status(of: state.selected!) == nil {
            state.selected = snapshot.services.first?.service.name
        }
        // Gone containers take their samples with them.
        let live = Set(snapshot.allContainers.map(\.id))
        state.stats = state.stats.filter { live.contains($0.key) }
        state.history = state.history.filter { live.contains($0.key) }
        var effects = statsEffect(state)
        let newlyHealthy = snapshot.services.filter {
            $0.condition.condition.isUp && state.labState.firstHealthy[$0.service.name] == nil && !state.healthNoted.contains($0.service.name)
        }.map(\.service.name)
        if snapshot.engine.reachable, !newlyHealthy.isEmpty {
            state.healthNoted.formUnion(newlyHealthy)
            effects.append(.noteHealthy)
        }
        // The ports table is built only while the Ports screen shows it (issue 17), once here;
        // opening the screen builds it then (`Reducer.show`).
        if state.screen == .ports {
            let rows = state.portRows
            state.portRow = min(state.portRow, max(0, rows.count - 1))
            let ports = Set(rows.compactMap(\.target))
            if ports != portsBefore { effects.append(.probePorts(PortRow.sorted(ports))) }
        }
        if state.overlay == .logs, let service = state.logs.service, let status = snapshot.status(of: service) {
            // A recreated container is a new stream: follow it too.
            let ids = Set(status.containers.map(\.id))
            if !ids.isEmpty, ids != state.logs.followed {
                state.logs.followed = ids
                effects.append(.followLogs(service: service, containers: status.containers.map { ContainerRef(id: $0.id, name: $0.name) }, window: state.logs.window))
            }
        }
        return effects
    }

    /// Stats only for what is on screen: the Services rows shown, or the service in detail.
    static func statsEffect(_ state: AppState) -> [Effect] {
        var wanted: Set<String> = []
        if case .detail(let service) = state.overlay, let status = state.snapshot.status(of: service) {
            wanted = Set(status.containers.filter { $0.state == .running }.map(\.id))
        } else if state.overlay == nil, state.screen == .services {
            let rows = state.serviceRows
            let layout = Layout(width: state.width, height: state.height)
            let selectedIndex = rows.firstIndex { $0.service.name == state.selected } ?? 0
            for row in visibleWindow(count: rows.count, selected: selectedIndex, rows: layout.body.height - 1) {
                wanted.formUnion(rows[row].containers.filter { $0.state == .running }.map(\.id))
            }
        } else if state.overlay == nil, state.screen == .containers {
            wanted = containersOnScreen(state)
        }
        return [.watchStats(wanted)]
    }

    static func record(_ state: inout AppState, _ event: LabEvent) {
        state.events.insert(event, at: 0)
        if state.events.count > AppState.eventLimit { state.events.removeLast(state.events.count - AppState.eventLimit) }
        if state.eventScroll > 0 { state.eventScroll = min(state.eventScroll + 1, state.events.count - 1) }
    }

    /// Lines arrive per container in batches; keep them in time order so components interleave.
    static func appendLogs(_ state: inout AppState, _ lines: [LogLine]) {
        guard state.overlay == .logs else { return }
        let wasFollowing = state.logs.following
        var merged = state.logs.lines
        for line in lines {
            if let time = line.time, let last = merged.last?.time, time < last,
                let position = merged.lastIndex(where: { ($0.time ?? .distantPast) <= time })
            {
                merged.insert(line, at: position + 1)
            } else if line.time != nil, let last = merged.last?.time, line.time! < last {
                merged.insert(line, at: 0)
            } else {
                merged.append(line)
            }
        }
        if merged.count > LogsState.lineLimit { merged.removeFirst(merged.count - LogsState.lineLimit) }
        if !wasFollowing { state.logs.scrollBack += merged.count - state.logs.lines.count }
        state.logs.lines = merged
    }
}
