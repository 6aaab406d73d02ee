import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel
import LabReport

/// The lines of a service's Detail overlay, built once per state change (part of the frame) so
/// the reducer knows how far it scrolls and the view only draws them.
public enum DetailContent {
    public typealias Line = [(text: String, style: Style)]

    public static func lines(_ state: AppState, service name: String) -> [Line] {
        guard let status = state.snapshot.status(of: name) else { return [] }
        let service = status.service
        var lines: [Line] = []
        func line(_ parts: (String, Style)...) { lines.append(parts.map { (text: $0.0, style: $0.1) }) }
        if !service.summary.isEmpty { line((service.summary, Style(.muted))) }
        let condition = status.condition
        var since = ""
        if let at = condition.since {
            since = "  since \(Format.since(at, now: state.now, timeZone: state.timeZone)) (\(Format.age(since: at, now: state.now)))"
        }
        line(("Condition ", Style(.title)), (ConditionStyle.glyph(status, state.glyphs) + " " + condition.text, Style(ConditionStyle.role(status))), (since, Style(.muted)))
        if let project = status.standInProject {
            line(("Stand-in ", Style(.title)), ("shown from \(project.isEmpty ? "a container of no project" : "project '\(project)'"); ailab acts only on its own project's containers (-p \(project.isEmpty ? "NAME" : project) to act on these)", Style(.warning)))
        }
        if let probe = service.probe { lines += probeLines(state, status, probe) }
        line(("Components", Style(.title)))
        for component in service.components {
            let containers = status.containers.filter { $0.component == component.name }
            if let part = status.swarm.first(where: { $0.component == component.name }), let swarm = state.snapshot.swarm {
                for row in SwarmRows.serviceLines(part, swarm) { line(("  " + row.text, Style(row.condition.map(ConditionStyle.role) ?? .text))) }
                continue
            }
            if containers.isEmpty {
                line(("  \(component.name)", Style(.text)), ("  \(component.image)", Style(.muted)), ("  not created", Style(.notInstalled)))
            }
            for container in containers { lines += containerLines(state, component, container) }
        }
        if let failing = status.failingCheck {
            line(("Last health check ", Style(.title)), ("exit \(failing.run.exitCode) in \(failing.container)", Style(.error)))
            for text in failing.run.output.split(whereSeparator: \.isNewline).suffix(3) { line(("  " + text, Style(.error))) }
        } else if condition.condition != .unknown, let run = status.containers.compactMap(\.lastCheck).first {
            line(("Last health check ", Style(.title)), ("exit \(run.exitCode)", Style(.healthy)))
        }
        if !state.detailTail.isEmpty {
            line(("Last log lines", Style(.title)))
            for entry in state.detailTail.suffix(10) {
                line(("  \(entry.container) ", Style(.muted)), (entry.text, Style(entry.stream == .stderr ? .stderr : .text)))
            }
        }
        if !status.ports.isEmpty {
            line(("Ports ", Style(.title)), (status.ports.map { url(state.snapshot, status, $0) }.joined(separator: "  "), Style(.accent)))
        }
        // Who can reach each port, as the Exposure screen says it: a line per port.
        for port in state.exposure(of: name) {
            let route = port.routes.isEmpty ? "" : " · route \(port.routeText)"
            let tunnel = port.tunnels.isEmpty ? "" : " · tunnel \(port.tunnelText)"
            line(("Exposure \(port.portText) ", Style(.title)), ("\(port.reach.text)\(route)\(tunnel) · auth \(port.auth.text) · ", Style(.text)),
                 (port.verdict.rawValue, Style(port.verdict == .exposed ? .unhealthy : port.verdict == .open ? .warning : .healthy)))
        }
        line(("Needs ", Style(.title)), (relations(state, service.dependencies), Style(.text)))
        let neededBy = state.snapshot.services.filter { $0.service.dependencies.contains(name) }.map(\.service.name)
        line(("Needed by ", Style(.title)), (relations(state, neededBy), Style(.text)))
        lines += gpuLines(state, status)
        lines += environmentLines(status)
        lines += timelineLines(state, service: name)
        return lines
    }

    private static func probeLines(_ state: AppState, _ status: ServiceStatus, _ probe: Probe) -> [Line] {
        var lines: [Line] = [[("Probe ", Style(.title)), ("GET :\(probe.port)\(probe.path) expects \(probe.expect), every \(Elapsed.short(probe.interval))", Style(.text))]]
        guard let result = status.probe else {
            let why = status.containers.contains { $0.state == .running } ? "not run yet" : "runs while the service runs"
            return lines + [[("  \(why)", Style(.muted))]]
        }
        let latency = result.latency.map { " in \(Self.milliseconds($0)) ms" } ?? ""
        let checked = " · checked \(Format.clock(result.checkedAt, timeZone: state.timeZone))"
        switch result.outcome {
        case .passed: lines.append([("  passed\(latency)\(checked)", Style(.healthy))])
        case .failed(let why): lines.append([("  failed: \(why)\(checked)", Style(.error))])
        case .notProbed(let why): lines.append([("  \(why)", Style(.muted))])
        }
        if let failure = result.lastFailure, let at = result.lastFailureAt, !result.isFailure {
            lines.append([("  last failure \(Format.clock(at, timeZone: state.timeZone)): \(failure)", Style(.muted))])
        }
        return lines
    }

    private static func containerLines(_ state: AppState, _ component: Component, _ container: ContainerStatus) -> [Line] {
        let report = state.snapshot.engine.reachable ? container.condition : ConditionReport(.unknown)
        var lines: [Line] = [[
            ("  \(component.name)", Style(.text)), ("  \(container.name)", Style(.muted)), ("  \(container.image)", Style(.muted)),
            ("  \(report.text)", Style(ConditionStyle.role(report.condition))),
        ]]
        if let sample = state.stats[container.id] { lines.append(usageLine(state, sample, state.history[container.id])) }
        if let problem = container.problem { lines.append([("    unreadable: \(problem)", Style(.error))]) }
        if container.state == .exited || container.state == .dead, let finished = container.finishedAt {
            let exit = container.exitCode.map { ", exit code \($0)" } ?? ""
            let day = Format.since(finished, now: state.now, timeZone: state.timeZone).contains(":") ? "" : Format.day(finished, timeZone: state.timeZone) + " "
            lines.append([("    exited \(day)\(Format.clock(finished, timeZone: state.timeZone)) (\(Format.age(since: finished, now: state.now)) ago)\(exit)", Style(.muted))])
        }
        return lines
    }

    /// `cpu 12% ▁▂▅▇  mem 300M ▃▃▄  net ↓1.2K/s ↑300B/s  disk r 0B/s w 4.0K/s`
    private static func usageLine(_ state: AppState, _ sample: StatsSample, _ history: StatsHistory?) -> Line {
        let spark = { (values: [Double]) in values.isEmpty ? "" : " " + Sparkline.text(values, width: 20, glyphs: state.glyphs) }
        var line: Line = [
            (text: "    cpu \(Format.percent(sample.cpuPercent))", style: Style(.text)),
            (text: spark(history?.cpu ?? []), style: Style(.accent)),
            (text: "  mem \(Format.bytes(sample.memoryBytes))", style: Style(.text)),
            (text: spark(history?.memory.map(Double.init) ?? []), style: Style(.accent)),
        ]
        if let rates = history?.rates {
            func rate(_ value: Double) -> String { Format.bytes(UInt64(min(max(0, value), 1e18))) + "/s" }
            line.append((text: "  net \(state.glyphs.down)\(rate(rates.networkIn)) \(state.glyphs.up)\(rate(rates.networkOut))"
                         + "  disk r \(rate(rates.blockRead)) w \(rate(rates.blockWrite))", style: Style(.muted)))
        }
        return line
    }

    /// The containers' real environment once inspected (values of stored secrets are already
    /// masked upstream; names that say secret are masked here); the catalog's declared one before.
    private static func environmentLines(_ status: ServiceStatus) -> [Line] {
        let secretNames = Set(status.service.secretNames)
        let real = status.containers.filter(\.inspected)
        if !real.isEmpty {
            var lines: [Line] = [[("Environment", Style(.title)), (real.count > 1 ? "  (per container)" : "  (from the container)", Style(.muted))]]
            for container in real {
                if real.count > 1 { lines.append([("  \(container.name)", Style(.muted))]) }
                if container.environment.isEmpty { lines.append([("  (none)", Style(.muted))]) }
                for entry in container.environment {
                    let (name, value) = entry.firstIndex(of: "=").map { (String(entry[..<$0]), String(entry[entry.index(after: $0)...])) } ?? (entry, "")
                    if secretNames.contains(name) || SecretNames.looksSecret(name) {
                        lines.append([("  \(name)=", Style(.text)), ("••••••••", Style(.secret))])
                    } else {
                        lines.append([("  \(name)=\(value)", Style(.text))])
                    }
                }
            }
            return lines
        }
        let declared = status.service.components.flatMap(\.environment)
        guard !declared.isEmpty else { return [] }
        var lines: [Line] = [[("Environment", Style(.title)), ("  (declared in the catalog)", Style(.muted))]]
        for variable in declared {
            if variable.isSecret {
                lines.append([("  \(variable.name)=", Style(.text)), ("••••••••", Style(.secret)),
                              (variable.secret?.provided == true ? "  (secret, yours to provide)" : "  (secret)", Style(.muted))])
            } else {
                lines.append([("  \(variable.name)=\(variable.value ?? "")", Style(.text))])
            }
        }
        return lines
    }

    private static func relations(_ state: AppState, _ names: [String]) -> String {
        guard !names.isEmpty else { return "nothing" }
        return names.map { name in
            state.snapshot.status(of: name).map { "\(name) \(ConditionStyle.glyph($0, state.glyphs))" } ?? name
        }.joined(separator: "  ")
    }

    /// A port as a URL at the address its engine's port is reached on (`PortAddress`):
    /// `http://localhost:3000` here, `http://10.0.0.7:11434` on engine gpu; a port on a remote
    /// engine's loopback says so instead.
    static func url(_ snapshot: LabSnapshot, _ status: ServiceStatus, _ port: PublishedPort) -> String {
        guard port.proto == "tcp" else { return "\(port.host)/\(port.proto)" }
        switch snapshot.portAddress(engine: status.engine, boundTo: port.hostIP) {
        case .host("127.0.0.1"): return "http://localhost:\(port.host)"
        case .host(let host): return host.contains(":") ? "http://[\(host)]:\(port.host)" : "http://\(host):\(port.host)"
        case .unreachable: return "\(port.host)/tcp (\(status.engine ?? "its engine")'s loopback)"
        }
    }

    public static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }
}
