import LabControl

/// The Containers screen: moving between containers, and start, stop, restart, remove, logs
/// and inspect on the selected one, through the same plan-confirm-run stages as services.
extension Reducer {
    /// The command on the selected container, or nil for what every screen does alike.
    static func containerCommand(_ state: inout AppState, _ command: Command) -> [Effect]? {
        switch command {
        case .act(let kind):
            guard let container = state.selectedContainerStatus else { return nothing(&state) }
            return begin(&state, .container(kind, ContainerTarget(id: container.id, name: container.name)))
        case .purge:
            state.notice = "P deletes a catalog service's volumes (on Services or Layers); D removes one container"
            return []
        case .logs:
            guard let container = state.selectedContainerStatus else { return nothing(&state) }
            state.selectedContainer = container.id
            state.overlay = .logs
            state.logs = LogsState()
            state.logs.service = container.name
            state.logs.followed = [container.id]
            return [.watchStats([]), .followLogs(service: container.name, containers: [ContainerRef(id: container.id, name: container.name)])]
        case .shell:
            // Any one container, of any project: the same shell as a service's (`Effect.openShell`).
            guard let container = state.selectedContainerStatus else { return nothing(&state) }
            guard container.state == .running else {
                state.notice = "\(container.name) is not running: start it (s) to open a shell in it"
                return []
            }
            return [.openShell(containerID: container.id, name: container.name)]
        case .inspect, .detail:
            guard let container = state.selectedContainerStatus else { return nothing(&state) }
            state.selectedContainer = container.id
            state.overlay = .inspect
            return [.watchStats([])] + inspect(&state, service: nil, container)
        default:
            return nil
        }
    }

    /// What the log overlay follows: its service's containers, or the one container it names.
    static func logContainers(_ state: AppState, _ name: String) -> [ContainerRef] {
        let containers = state.snapshot.status(of: name)?.containers ?? state.snapshot.allContainers.filter { $0.name == name }
        return containers.map { ContainerRef(id: $0.id, name: $0.name) }
    }

    private static func nothing(_ state: inout AppState) -> [Effect] {
        state.notice = state.filter.isEmpty ? "the engine has no containers" : "no container matches /\(state.filter)"
        return []
    }

    static func moveInContainers(_ state: inout AppState, _ command: Command, page: Int) {
        let ids = state.containerRows.compactMap(\.container?.id)
        let current = state.selectedContainerStatus?.id
        state.selectedContainer = step(ids, current: current, command, page: page) ?? state.selectedContainer
    }

    /// The row under a click, in the window the view drew (a heading selects nothing).
    static func clickContainer(_ state: inout AppState, _ frame: Frame, y: Int) {
        let rows = frame.containerRows
        let window = containerWindow(rows, selected: state.selectedContainerStatus?.id, height: frame.screenArea.height)
        let row = window.lowerBound + (y - frame.screenArea.y - 1)
        if y > frame.screenArea.y, window.contains(row), let container = rows[row].container { state.selectedContainer = container.id }
    }

    /// The rows on screen: the selected container kept in view below the column titles.
    public static func containerWindow(_ rows: [ContainerRow], selected: String?, height: Int) -> Range<Int> {
        let index = rows.firstIndex { $0.container?.id == selected } ?? rows.firstIndex { $0.container != nil } ?? 0
        return visibleWindow(count: rows.count, selected: index, rows: height - 1)
    }

    /// Stats only for the running containers on screen.
    static func containersOnScreen(_ state: AppState) -> Set<String> {
        let rows = state.containerRows
        let height = Layout(width: state.width, height: state.height).body.height
        return Set(containerWindow(rows, selected: state.selectedContainerStatus?.id, height: height).compactMap {
            rows[$0].container.flatMap { $0.state == .running ? $0.id : nil }
        })
    }
}
