import DockerClient
import Foundation
import LabCatalog
import LabModel
import TestSupport
import Testing

/// The engines scripts/test-swarm.sh started, from its environment.
enum SwarmTestEngines {
    static let manager = ProcessInfo.processInfo.environment["AILAB_TEST_SWARM_MANAGER"]
}

/// Against a two-node Swarm of private engines (scripts/test-swarm.sh run swift test --filter
/// SwarmOnEngineTests): the manager is the engine ailab watches; the worker carries gpu=true.
@Suite(.serialized, .enabled(if: SwarmTestEngines.manager != nil))
struct SwarmOnEngineTests {
    static let environment = ProcessInfo.processInfo.environment
    static let manager = SwarmTestEngines.manager

    /// qdrant as a stand-in (the fixture httpd, which both engines hold) placed by constraint.
    static func catalog(_ project: String) -> String {
        """
        name: \(project)
        services:
          qdrant:
            image: ailab-fixture/swarm-httpd:1
            environment:
              QDRANT__SERVICE__API_KEY: ${QDRANT_API_KEY}
            healthcheck:
              test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
              interval: 1s
              timeout: 2s
              retries: 2
            stop_grace_period: 1s   # busybox httpd ignores SIGTERM: a stop waits this long
            deploy:
              replicas: 1
              placement:
                constraints: ["node.labels.gpu == true"]
            x-ailab:
              layer: data
              secrets: [QDRANT_API_KEY]
        """
    }

    struct Lab {
        let project = "sw\(UUID().uuidString.prefix(6).lowercased())"
        let path: String
        let state: String
        let client: DockerClient

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("\(project).yaml").path
            state = FileManager.default.temporaryDirectory.appendingPathComponent("\(project)-state").path
            try SwarmOnEngineTests.catalog(project).write(toFile: path, atomically: true, encoding: .utf8)
            client = DockerClient(endpoint: try DockerEndpoint.parse(SwarmOnEngineTests.manager!), requestTimeout: .seconds(10))
        }

        func ailab(_ arguments: String...) throws -> AilabBinary.Result {
            try AilabBinary.run(arguments + ["--catalog", path, "--host", SwarmOnEngineTests.manager!], environment: ["XDG_STATE_HOME": state])
        }

        /// `ailab status --json`'s qdrant and the Swarm's nodes.
        func status() throws -> (service: [String: Any], swarm: [String: Any]) {
            let result = try ailab("status", "--json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let services = try #require(json["services"] as? [[String: Any]])
            return (try #require(services.first { $0["name"] as? String == "qdrant" }), try #require(json["swarm"] as? [String: Any]))
        }

        /// Polls `status --json` until `condition` holds (Swarm moves tasks in its own time).
        func waitStatus(_ seconds: Double = 40, _ condition: ([String: Any], [String: Any]) -> Bool) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let (service, swarm) = try? status(), condition(service, swarm) { return true }
                usleep(500_000)
            }
            return false
        }
    }

    static func replicas(_ service: [String: Any]) -> String? {
        guard let swarm = (service["swarm"] as? [[String: Any]])?.first, let replicas = swarm["replicas"] as? [String: Int] else { return nil }
        return "\(replicas["running"] ?? -1)/\(replicas["desired"] ?? -1)"
    }

    @Test func installedWithSwarmItRunsOnTheLabelledNodeScalesAndMovesWhenDrained() async throws {
        let lab = try Lab()
        let worker = try #require(Self.environment["AILAB_TEST_SWARM_WORKER_NODE"])
        defer {
            _ = try? lab.ailab("remove", "qdrant", "--yes")
            let client = lab.client
            Task { try? await client.updateNode(worker, availability: "active") }
        }
        let install = try lab.ailab("install", "qdrant", "--swarm", "--wait", "60")
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        #expect(install.stdout.contains("create Swarm service \(lab.project)_qdrant on node.labels.gpu == true"))
        #expect(install.stdout.contains("create Swarm secret \(lab.project)_QDRANT_API_KEY"))

        // On the labelled node, by the manager's word and the worker's own containers.
        let service = try #require(try await lab.client.listServices(filters: ["name": ["\(lab.project)_qdrant"]]).first)
        #expect(service.labels[SwarmState.stackLabel] == lab.project)
        let running = try await lab.client.listTasks(filters: ["service": [service.id], "desired-state": ["running"]])
        #expect(running.count == 1 && running.allSatisfy { $0.nodeID == worker })
        let workerEngine = DockerClient(endpoint: try DockerEndpoint.parse(try #require(Self.environment["AILAB_TEST_SWARM_WORKER"])))
        #expect(try await workerEngine.listContainers(all: false).contains { $0.labels["com.docker.swarm.service.id"] == service.id })
        // The overlay network of the stack, and the secret as a Swarm secret (not in the spec's env).
        #expect(try await lab.client.listNetworks(filters: ["name": ["\(lab.project)_default"]]).contains { $0.driver == "overlay" })
        #expect(try await lab.client.listSecrets(filters: ["name": ["\(lab.project)_QDRANT_API_KEY"]]).count == 1)

        #expect(try lab.waitStatus { service, swarm in
            Self.replicas(service) == "1/1" && service["condition"] as? String == "healthy" && service["installed"] as? Bool == true
                && (swarm["nodes"] as? [[String: Any]])?.count == 2 && swarm["joinState"] as? String == "active"
        })
        let text = try lab.ailab("status")
        #expect(text.stdout.contains("healthy (replicas 1/1)"), "\(text.stdout)")
        #expect(text.stdout.contains("Swarm active · manager · 2 nodes") && text.stdout.contains("gpu=true"), "\(text.stdout)")
        // Watching the worker: its join state, and no claim about the nodes it cannot list.
        let fromWorker = try AilabBinary.run(
            ["status", "--json", "--catalog", lab.path, "--host", try #require(Self.environment["AILAB_TEST_SWARM_WORKER"])], environment: ["XDG_STATE_HOME": lab.state])
        let workerJSON = try #require(try JSONSerialization.jsonObject(with: Data(fromWorker.stdout.utf8)) as? [String: Any])
        let workerSwarm = try #require(workerJSON["swarm"] as? [String: Any])
        #expect(workerSwarm["joinState"] as? String == "active" && workerSwarm["manager"] as? Bool == false)
        #expect((workerSwarm["nodes"] as? [Any])?.isEmpty == true)

        let stop = try lab.ailab("stop", "qdrant")
        #expect(stop.status == 0 && stop.stdout.contains("scale \(lab.project)_qdrant to 0"), "\(stop.stdout)\(stop.stderr)")
        // Done only once the task's container stopped: none of the service's runs on the worker.
        #expect(try await !workerEngine.listContainers(all: false).contains { $0.labels["com.docker.swarm.service.id"] == service.id })
        #expect(try lab.waitStatus { service, _ in Self.replicas(service) == "0/0" && service["condition"] as? String == "stopped" })

        let start = try lab.ailab("start", "qdrant", "--wait", "60")
        #expect(start.status == 0 && start.stdout.contains("scale \(lab.project)_qdrant to 1"), "\(start.stdout)\(start.stderr)")
        #expect(try lab.waitStatus { service, _ in Self.replicas(service) == "1/1" && service["condition"] as? String == "healthy" })

        // Drained, the only node its constraint allows takes no task: its replica ends, and
        // ailab says where and why.
        try await lab.client.updateNode(worker, availability: "drain")
        #expect(try lab.waitStatus { service, swarm in
            let node = (swarm["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == worker }
            return node?["availability"] as? String == "drain" && node?["condition"] as? String == "stopped"
                && Self.replicas(service) == "0/1" && service["condition"] as? String == "unhealthy"
                && (service["conditionDetail"] as? String ?? "").contains("no suitable node")
        })
        try await lab.client.updateNode(worker, availability: "active")
        #expect(try lab.waitStatus(60) { service, _ in Self.replicas(service) == "1/1" && service["condition"] as? String == "healthy" })

        let remove = try lab.ailab("remove", "qdrant", "--yes")
        #expect(remove.status == 0, "\(remove.stdout)\(remove.stderr)")
        #expect(try await lab.client.listServices(filters: ["name": ["\(lab.project)_qdrant"]]).isEmpty)
        #expect(try await lab.client.listSecrets(filters: ["name": ["\(lab.project)_QDRANT_API_KEY"]]).isEmpty)
        #expect(try lab.waitStatus { service, _ in service["condition"] as? String == "not-installed" })
    }

    /// The console on the manager: the Swarm panel under the Services table, replicas 1/1.
    @Test func theConsoleShowsNodesReplicasAndTasks() async throws {
        let lab = try Lab()
        defer { _ = try? lab.ailab("remove", "qdrant", "--yes") }
        let install = try lab.ailab("install", "qdrant", "--swarm", "--wait", "60")
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let tmux = Tmux()
        defer { tmux.kill() }
        tmux.start("env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(lab.state) \(AilabBinary.url.path) --catalog \(lab.path) --host \(Self.manager!); sleep 60", width: 120, height: 30)
        #expect(tmux.waitFor { $0.contains("● qdrant") })
        tmux.send("2")
        #expect(tmux.waitFor(15) { screen in
            screen.contains("Swarm active · manager · 2 nodes") && screen.contains("gpu=true") && screen.contains("\(lab.project)_qdrant")
                && screen.contains("replicas 1/1") && screen.contains("\(lab.project)_qdrant.1")
        }, "\(tmux.screen)")
    }
}
