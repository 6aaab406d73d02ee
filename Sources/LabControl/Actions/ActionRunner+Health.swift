import DockerClient
import LabModel
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ActionRunner {
    /// Waits until each container is healthy (or running, when it has no healthcheck). A failure
    /// says why: the exit code or the last health-check output, and the last log lines.
    func waitHealthy(_ containers: [(id: String, name: String)], service: String, _ reporter: ActionReporter) async throws {
        let deadline = ContinuousClock.now + healthTimeout
        for container in containers {
            reporter.emit(service, .started, "wait for \(container.name) to be healthy")
            let began = ContinuousClock.now
            while true {
                try Task.checkCancellation()
                let inspect = try await client.inspectContainer(container.id)
                let state = inspect.state
                let waited = Elapsed.seconds(ContinuousClock.now - began)
                if state.status == "exited" || state.status == "dead" || (state.restarting && inspect.restartCount > 0) {
                    try await fail(container, "exited with code \(state.exitCode)\(state.error.isEmpty ? "" : " (\(state.error))")", inspect, service, reporter)
                }
                if state.running {
                    switch state.health?.status {
                    case nil, "none":
                        reporter.emit(service, .done, "\(container.name) is running (no healthcheck)")
                    case "healthy":
                        reporter.emit(service, .done, "\(container.name) is healthy after \(waited)")
                    case "unhealthy":
                        try await fail(container, "became unhealthy", inspect, service, reporter)
                    default:
                        if ContinuousClock.now >= deadline {
                            try await fail(container, "not healthy after \(Elapsed.seconds(healthTimeout)) (still \(state.health?.status ?? "starting"))", inspect, service, reporter)
                        }
                        try await Task.sleep(for: pollInterval)
                        continue
                    }
                    break
                }
                if ContinuousClock.now >= deadline {
                    try await fail(container, "did not start within \(Elapsed.seconds(healthTimeout)) (\(state.status))", inspect, service, reporter)
                }
                try await Task.sleep(for: pollInterval)
            }
        }
    }

    private func fail(_ container: (id: String, name: String), _ what: String, _ inspect: ContainerInspect, _ service: String, _ reporter: ActionReporter) async throws -> Never {
        var lines = ["\(container.name) \(what)"]
        if let check = inspect.state.health?.log.last {
            let output = check.output.trimmed()
            lines.append("last health check (exit \(check.exitCode)): \(output.isEmpty ? "no output" : String(output.prefix(400)))")
        }
        let logs = await lastLogLines(container.id, count: 10)
        lines.append(logs.isEmpty ? "no log output" : "last log lines:")
        lines += logs.map { "  " + $0 }
        // A container action names a container, not a service: no `ailab remove` for it.
        lines.append(catalog.service(named: service) == nil
            ? "left as it is for a look: D on the Containers screen removes it"
            : "left as it is for a look: `ailab remove \(service)` undoes the install")
        let message = lines.joined(separator: "\n")
        reporter.emit(service, .failed, message)
        throw ActionFailure(message: reporter.masked(message))
    }

    /// The container's last lines of output; empty if they cannot be had quickly.
    func lastLogLines(_ id: String, count: Int) async -> [String] {
        do {
            return try await withDeadline(.seconds(3), operation: "logs of \(id)") {
                var text = ""
                for try await chunk in try await client.logs(id, LogQuery(follow: false, tail: count, timestamps: false)) {
                    text += String(decoding: chunk.bytes, as: UTF8.self)
                }
                return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).map(String.init)
            }
        } catch {
            return []
        }
    }
}
