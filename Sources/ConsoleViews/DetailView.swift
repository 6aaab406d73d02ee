import Canvas
import Console
import LabCatalog
import LabControl

/// Everything about one service: components, image, the last health check, ports as URLs,
/// what it needs and what needs it, and its environment with secrets masked.
enum DetailView {
    static func draw(_ state: AppState, service name: String, into buffer: inout ScreenBuffer, _ area: Rect) {
        guard let status = state.snapshot.status(of: name) else { return }
        let service = status.service
        buffer.box(area, title: "\(service.title) · \(service.layer?.title ?? "Unassigned")" + (service.phase.map { " · phase \($0)" } ?? ""), glyphs: state.glyphs, style: Style(.borderFocused))
        let inner = area.inset(by: 1)
        var lines: [[(String, Style)]] = []
        func line(_ parts: (String, Style)...) { lines.append(parts) }
        if !service.summary.isEmpty { line((service.summary, Style(.muted))) }
        line(("State ", Style(.title)), (HealthGlyph.glyph(status, state.glyphs) + " " + SummaryView.stateText(state, status), Style(HealthGlyph.condition(status))))
        line(("Components", Style(.title)))
        for component in service.components {
            let containers = status.containers.filter { $0.component == component.name }
            if containers.isEmpty {
                line(("  \(component.name)", Style(.text)), ("  \(component.image)", Style(.muted)), ("  not created", Style(.notInstalled)))
            }
            for container in containers {
                let health = container.health == .none ? "" : " \(container.health.rawValue)"
                let stats = state.stats[container.id].map { "  cpu \(Format.percent($0.cpuPercent)) mem \(Format.bytes($0.memoryBytes))" } ?? ""
                line(("  \(component.name)", Style(.text)), ("  \(container.name)", Style(.muted)), ("  \(container.image)", Style(.muted)),
                     ("  \(container.state.rawValue)\(health)", Style(container.health == .unhealthy ? .unhealthy : .text)), (stats, Style(.muted)))
                if let problem = container.problem { line(("    unreadable: \(problem)", Style(.error))) }
            }
        }
        if let failing = status.failingCheck {
            line(("Last health check ", Style(.title)), ("exit \(failing.run.exitCode) in \(failing.container)", Style(.error)))
            for text in failing.run.output.split(whereSeparator: \.isNewline).suffix(3) { line(("  " + text, Style(.error))) }
        } else if let run = status.containers.compactMap(\.lastCheck).first {
            line(("Last health check ", Style(.title)), ("exit \(run.exitCode)", Style(.healthy)))
        }
        if let probe = service.probe {
            line(("Probe ", Style(.title)), ("GET http://localhost:\(probe.port)\(probe.path) expects \(probe.expect)", Style(.text)))
        }
        if !status.ports.isEmpty {
            line(("Ports ", Style(.title)), (status.ports.map { $0.proto == "tcp" ? "http://localhost:\($0.host)" : "\($0.host)/\($0.proto)" }.joined(separator: "  "), Style(.accent)))
        }
        line(("Needs ", Style(.title)), (relations(state, service.dependencies), Style(.text)))
        let neededBy = state.snapshot.services.filter { $0.service.dependencies.contains(name) }.map(\.service.name)
        line(("Needed by ", Style(.title)), (relations(state, neededBy), Style(.text)))
        let environment = service.components.flatMap(\.environment)
        if !environment.isEmpty { line(("Environment", Style(.title))) }
        for variable in environment {
            if variable.isSecret {
                line(("  \(variable.name)=", Style(.text)), ("••••••••", Style(.secret)), (variable.secret?.provided == true ? "  (secret, yours to provide)" : "  (secret)", Style(.muted)))
            } else {
                line(("  \(variable.name)=\(variable.value ?? "")", Style(.text)))
            }
        }
        for (row, parts) in lines.prefix(inner.height).enumerated() {
            var x = inner.x + 1
            for (text, style) in parts {
                x += buffer.put(text, x: x, y: inner.y + row, style: style, clip: inner)
            }
        }
        if lines.count > inner.height, inner.height > 0 {
            buffer.put(" +\(lines.count - inner.height) more lines (a taller terminal shows them) ", x: inner.x + 1, y: inner.maxY, style: Style(.muted), clip: area)
        }
    }

    private static func relations(_ state: AppState, _ names: [String]) -> String {
        guard !names.isEmpty else { return "nothing" }
        return names.map { name in
            state.snapshot.status(of: name).map { "\(name) \(HealthGlyph.glyph($0, state.glyphs))" } ?? name
        }.joined(separator: "  ")
    }
}
