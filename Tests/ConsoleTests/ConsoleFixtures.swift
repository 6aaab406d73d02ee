import Canvas
import Console
@testable import DockerClient
import Foundation
import LabCatalog
import LabModel

/// A lab at a fixed moment: the built-in catalog with a few services in every condition.
enum ConsoleFixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // a fixed instant, so times in snapshots never move

    static func container(
        _ service: String, state: String = "running", status: String = "Up 1 hour (healthy)", ports: [PortBinding] = [],
        exitCode: Int? = nil, check: HealthCheckRun? = nil
    ) -> ContainerStatus {
        var container = ContainerStatus(summary: ContainerSummary(
            id: "id-\(service)", names: ["/ailab-\(service)-1"], image: "image/\(service):1", state: state, status: status, ports: ports,
            labels: [ComposeLabel.project: "ailab", ComposeLabel.service: service]))
        container.startedAt = state == "running" ? now.addingTimeInterval(-3600) : nil
        container.exitCode = exitCode
        container.lastCheck = check
        return container
    }

    static func snapshot(reachable: Bool = true) throws -> LabSnapshot {
        let catalog = try Catalog.builtIn()
        let engine = reachable
            ? EngineInfo(endpoint: "unix:///var/run/docker.sock", reachable: true, version: "20.10.24", apiVersion: "1.41")
            : EngineInfo(endpoint: "unix:///var/run/docker.sock", reachable: false, error: "connection refused (is dockerd running?)",
                         nextRetry: now.addingTimeInterval(4))
        let containers = [
            container("traefik", ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 80), PortBinding(ip: "0.0.0.0", privatePort: 8080, publicPort: 8080)]),
            container("open-webui", ports: [PortBinding(ip: "0.0.0.0", privatePort: 8080, publicPort: 3000)]),
            container("ollama", status: "Up 1 hour", ports: [PortBinding(ip: "0.0.0.0", privatePort: 11434, publicPort: 11434)]),
            container("postgres", ports: [PortBinding(ip: "0.0.0.0", privatePort: 5432, publicPort: 5432)]),
            container("qdrant", status: "Up 2 minutes (health: starting)", ports: [PortBinding(ip: "127.0.0.1", privatePort: 6333, publicPort: 6333)]),
            container("litellm", status: "Up 3 minutes (unhealthy)", ports: [PortBinding(ip: "0.0.0.0", privatePort: 4000, publicPort: 4000)],
                      check: HealthCheckRun(exitCode: 1, output: "curl: (7) Failed to connect to localhost port 4000", endedAt: now)),
            container("n8n", state: "exited", status: "Exited (1) 5 minutes ago", exitCode: 1),
            container("grafana", state: "exited", status: "Exited (0) 1 hour ago", exitCode: 0),
            stopped("chroma"),
            restarting("flowise"),
            ContainerStatus(summary: ContainerSummary(id: "id-stray", names: ["/stray-web"], image: "nginx", state: "running", status: "Up 1 hour",
                                                      ports: [PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 3000)])),
        ]
        // ollama has no Docker healthcheck: its probe is its health, and it fails.
        let probes = ["ollama": ProbeResult(outcome: .failed("GET /api/version → 404"), at: now.addingTimeInterval(-240), latency: .milliseconds(3))]
        return LabSnapshot(catalog: catalog, engine: engine, containers: containers, probes: probes, takenAt: now)
    }

    /// Stopped with `docker stop`: it exited 137 after the grace period, and the engine said kill.
    static func stopped(_ service: String) -> ContainerStatus {
        var container = container(service, state: "exited", status: "Exited (137) 10 minutes ago", exitCode: 137)
        container.stopRequested = true
        container.finishedAt = now.addingTimeInterval(-600)
        return container
    }

    /// `restart: always` and failing: the engine restarts it again and again.
    static func restarting(_ service: String) -> ContainerStatus {
        var container = container(service, state: "restarting", status: "Restarting (1) 5 seconds ago", exitCode: 1)
        container.restartCount = 4
        container.createdAt = now.addingTimeInterval(-120)
        container.finishedAt = now.addingTimeInterval(-5)
        return container
    }

    static func state(width: Int = 80, height: Int = 24, reachable: Bool = true, glyphs: Glyphs = .unicode) throws -> AppState {
        var state = AppState(snapshot: try snapshot(reachable: reachable), glyphs: glyphs, width: width, height: height)
        state.timeZone = TimeZone(identifier: "UTC")!
        return state
    }
}
