import Canvas
import LabModel

extension Reducer {
    static func move(_ state: inout AppState, _ command: Command) {
        let body = Layout(width: state.width, height: state.height).body
        let page = max(1, body.height - 3)
        switch state.screen {
        case .layers: moveInLayers(&state, command)
        case .services:
            let names = state.serviceRows.map(\.service.name)
            state.selected = step(names, current: state.selected, command, page: page) ?? state.selected
        case .ports:
            let count = state.portRows.count
            state.portRow = clampStep(state.portRow, count: count, command, page: page)
            if state.portRows.indices.contains(state.portRow), let service = state.portRows[state.portRow].service { state.selected = service }
        case .roadmap:
            let rows = state.roadmapRows
            let selectable = rows.indices.filter { rows[$0].selectable }
            guard !selectable.isEmpty else { return }
            let current = selectable.firstIndex(of: state.selectedRoadmapRow) ?? 0
            state.roadmapRow = selectable[clampStep(current, count: selectable.count, command, page: page)]
            if case .item(let item) = rows[state.roadmapRow] { state.selected = item.service }
        case .events:
            state.eventScroll = clampStep(state.eventScroll, count: state.events.count, command, page: page)
        case .exposure:
            let rows = state.exposureRows
            state.exposureRow = clampStep(state.exposureRow, count: rows.count, command, page: page)
            if rows.indices.contains(state.exposureRow) { state.selected = rows[state.exposureRow].service }
        case .map:
            state.mapScroll = clampStep(state.mapScroll, count: EdgeJudge.judge(state.snapshot).count, command, page: page)
        case .containers: moveInContainers(&state, command, page: page)
        }
    }

    private static func moveInLayers(_ state: inout AppState, _ command: Command) {
        let bands = state.layerBands.map { $0.services.map(\.service.name) }
        guard let bandIndex = bands.firstIndex(where: { $0.contains(state.selected ?? "") }),
            let index = bands[bandIndex].firstIndex(of: state.selected ?? "")
        else {
            state.selected = bands.first?.first
            return
        }
        switch command {
        case .left: state.selected = bands[bandIndex][max(0, index - 1)]
        case .right: state.selected = bands[bandIndex][min(bands[bandIndex].count - 1, index + 1)]
        case .up where bandIndex > 0, .pageUp where bandIndex > 0:
            let target = bands[command == .pageUp ? 0 : bandIndex - 1]
            state.selected = target[min(index, target.count - 1)]
        case .down where bandIndex < bands.count - 1, .pageDown where bandIndex < bands.count - 1:
            let target = bands[command == .pageDown ? bands.count - 1 : bandIndex + 1]
            state.selected = target[min(index, target.count - 1)]
        case .top: state.selected = bands.first?.first
        case .bottom: state.selected = bands.last?.last
        default: break
        }
    }

    /// The name one step (or a page) from `current` in `names`.
    static func step(_ names: [String], current: String?, _ command: Command, page: Int) -> String? {
        guard !names.isEmpty else { return nil }
        let index = names.firstIndex(of: current ?? "") ?? 0
        return names[clampStep(index, count: names.count, command, page: page)]
    }

    static func clampStep(_ index: Int, count: Int, _ command: Command, page: Int) -> Int {
        guard count > 0 else { return 0 }
        let moved: Int
        switch command {
        case .up, .left: moved = index - 1
        case .down, .right: moved = index + 1
        case .pageUp: moved = index - page
        case .pageDown: moved = index + page
        case .top: moved = 0
        case .bottom: moved = count - 1
        default: moved = index
        }
        return min(max(0, moved), count - 1)
    }

    /// Hit-tests against the frame the screen was drawn from: the same areas, the same rows.
    static func click(_ state: inout AppState, x: Int, y: Int) -> [Effect] {
        let frame = state.frame ?? Frame(state)
        let layout = frame.layout
        if layout.tabs.contains(x: x, y: y) {
            if let tab = Layout.tabSpans(width: state.width).first(where: { x >= $0.start && x < $0.start + $0.label.count }) { return show(&state, tab.screen) }
            return []
        }
        let area = frame.screenArea
        guard state.overlay == nil, area.contains(x: x, y: y) else { return [] }
        switch state.screen {
        case .layers:
            if let chip = frame.layers.chip(at: x, y) { state.selected = chip.service }
        case .services:
            let rows = frame.serviceRows
            let selectedIndex = rows.firstIndex { $0.service.name == state.selected } ?? 0
            let window = visibleWindow(count: rows.count, selected: selectedIndex, rows: area.height - 1)
            let row = window.lowerBound + (y - area.y - 1)
            if y > area.y, window.contains(row) { state.selected = rows[row].service.name }
        case .ports:
            let rows = frame.portRows
            let window = visibleWindow(count: rows.count, selected: state.portRow, rows: area.height - 1)
            let row = window.lowerBound + (y - area.y - 1)
            if y > area.y, window.contains(row) {
                state.portRow = row
                if let service = rows[row].service { state.selected = service }
            }
        case .roadmap:
            let rows = frame.roadmapRows
            let window = visibleWindow(count: rows.count, selected: state.selectedRoadmapRow, rows: area.height)
            let row = window.lowerBound + (y - area.y)
            if window.contains(row), rows[row].selectable {
                state.roadmapRow = row
                if case .item(let item) = rows[row] { state.selected = item.service }
            }
        case .events, .map: break
        case .containers: clickContainer(&state, frame, y: y)
        case .exposure:
            let rows = frame.exposureRows
            let window = visibleWindow(count: rows.count, selected: state.exposureRow, rows: area.height - 1)
            let row = window.lowerBound + (y - area.y - 1)
            if y > area.y, window.contains(row) { (state.exposureRow, state.selected) = (row, rows[row].service) }
        }
        return statsEffect(state)
    }
}
