import Canvas

/// `e`: a shell in the selected service's container; for a service of several running
/// containers, a chooser first. The shell itself is the run loop's (`Effect.openShell`).
extension Reducer {
    static func shell(_ state: inout AppState) -> [Effect] {
        guard let service = targetService(state), let status = state.snapshot.status(of: service) else { return [] }
        state.selected = service
        // The engine execs only in a running container (a paused one refuses too).
        let running = status.containers.filter { $0.state == .running }
        switch running.count {
        case 0:
            state.notice = status.containers.isEmpty
                ? "\(service) is not installed: it has no container to open a shell in"
                : "\(service) is not running: start it (s) to open a shell in it"
            return []
        case 1:
            return [.openShell(containerID: running[0].id, name: running[0].name)]
        default:
            let choices = running.map { (container: ContainerRef(id: $0.id, name: $0.name), label: $0.component ?? $0.name) }
            state.shellChooser = ShellChooser(service: service, choices: choices)
            return []
        }
    }

    /// The chooser's keys: move, Enter (or the row's number) opens, Esc closes, Ctrl-C quits.
    static func chooseShell(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let chooser = state.shellChooser else { return [] }
        let count = chooser.choices.count
        var pick: Int?
        switch key {
        case .up, .char("k"): state.shellChooser?.row = max(0, chooser.row - 1)
        case .down, .char("j"): state.shellChooser?.row = min(count - 1, chooser.row + 1)
        case .enter: pick = chooser.row
        case .char(let digit) where digit.wholeNumberValue.map { (1...count).contains($0) } == true: pick = digit.wholeNumberValue! - 1
        case .ctrl("c"): return [.quit]
        case .escape, .char("q"): state.shellChooser = nil
        default: break
        }
        guard let pick else { return [] }
        state.shellChooser = nil
        let container = chooser.choices[pick].container
        return [.openShell(containerID: container.id, name: container.name)]
    }
}
