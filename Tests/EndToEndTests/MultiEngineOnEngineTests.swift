import ChildSpawn
import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import TestSupport
import Testing

/// Two engines in network namespaces (scripts/test-netns.sh): "box-a" over ssh, "box-b" over
/// tcp+TLS, both docker contexts. Runs under that script (scripts/test.sh does), else is off.
@Suite(.serialized, .enabled(if: NetnsEngines.dir != nil))
struct MultiEngineOnEngineTests {
    static let environment = NetnsEngines.environment
    static let dir = NetnsEngines.dir

    /// api publishes this port in box-b's namespace: reached at box-b's address, never on this
    /// machine's loopback (issue 16: ports and probes use that engine's host address).
    static let apiPort = 28517

    static let catalog = """
        name: netlab
        services:
          web:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: app, engine: box-a}
          api:
            image: ailab-fixture/httpd:1
            ports: ["\(apiPort):8080"]
            x-ailab: {layer: gateway, engine: box-b, probe: {path: /health}}
          idle:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: data}
          extra:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: data, engine: box-b}
          stray:
            image: ailab-fixture/httpd:1
            x-ailab: {layer: data}
        """

    /// A healthy fixture container labelled as compose labels `service` of project netlab.
    static func run(_ service: String, socket: String, publish: Int? = nil) async throws {
        let client = DockerClient(endpoint: try DockerEndpoint.parse(socket))
        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
        if let publish { spec.publish(containerPort: 8080, hostPort: publish) }
        spec.labels = [ComposeLabel.project: "netlab", ComposeLabel.service: service, ComposeLabel.containerNumber: "1", ComposeLabel.oneoff: "False"]
        spec.healthcheck = .init(test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"], interval: 500_000_000, timeout: 2_000_000_000, retries: 1)
        let id = try await client.createContainer(name: "netlab-\(service)-1", spec: spec)
        try await client.startContainer(id)
    }

    static func status(_ catalogPath: String) throws -> (exit: Int32, json: [String: Any], stderr: String) {
        let result = try AilabBinary.run(
            ["status", "--json", "--catalog", catalogPath, "--engine", "box-a", "--engine", "box-b", "--timeout", "10"],
            environment: ["XDG_STATE_HOME": (catalogPath as NSString).deletingLastPathComponent + "/state"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result.status, json, result.stderr)
    }

    static func services(_ json: [String: Any]) -> [String: [String: Any]] {
        Dictionary(((json["services"] as? [[String: Any]]) ?? []).map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// One test, in order: both engines report, then one stops (the script stops it by pid).
    @Test func statusAcrossAnSSHAndATLSEngineThenOneGoesDown() async throws {
        let dir = try #require(Self.dir)
        let catalogPath = dir + "/netlab.yaml"
        try Self.catalog.write(toFile: catalogPath, atomically: true, encoding: .utf8)
        try await Self.run("web", socket: try #require(Self.environment["AILAB_TEST_NETNS_A_SOCK"]))
        try await Self.run("api", socket: try #require(Self.environment["AILAB_TEST_NETNS_B_SOCK"]), publish: Self.apiPort)
        // No x-ailab.engine: found on box-b, and remembered there (LastSeenFile) for when it is down.
        try await Self.run("stray", socket: try #require(Self.environment["AILAB_TEST_NETNS_B_SOCK"]))

        var report = try Self.status(catalogPath)
        for _ in 0..<40 where Self.services(report.json)["api"]?["condition"] as? String != "healthy" || Self.services(report.json)["web"]?["condition"] as? String != "healthy" {
            try await Task.sleep(for: .milliseconds(500))
            report = try Self.status(catalogPath)
        }
        #expect(report.exit == 0, "\(report.stderr)")
        let engines = try #require(report.json["engines"] as? [[String: Any]])
        #expect(engines.map { $0["name"] as? String } == ["box-a", "box-b"])
        #expect(engines.allSatisfy { $0["reachable"] as? Bool == true && $0["apiVersion"] as? String == "1.41" }, "\(engines)")
        #expect((engines.first?["endpoint"] as? String)?.hasPrefix("ssh://root@\(try #require(Self.environment["AILAB_TEST_NETNS_A_ADDR"]))") == true)
        #expect(engines.last?["endpoint"] as? String == Self.environment["AILAB_TEST_NETNS_B_TCP"])
        var services = Self.services(report.json)
        #expect(services["web"]?["engine"] as? String == "box-a")
        #expect(services["web"]?["condition"] as? String == "healthy")
        #expect(services["api"]?["engine"] as? String == "box-b")
        #expect(services["api"]?["condition"] as? String == "healthy")
        #expect(((services["api"]?["containers"] as? [[String: Any]])?.first?["engine"] as? String) == "box-b")
        try Self.checkReachedAtBoxB(services["api"])
        #expect(services["idle"]?["engine"] as? String == "box-a" && services["idle"]?["condition"] as? String == "not-installed")
        try await Self.checkTLS(dir)
        try await Self.checkHostKey(dir)
        try await Self.checkShell(dir)

        // An install goes where x-ailab.engine says: extra onto box-b, over TLS.
        let install = try AilabBinary.run(
            ["install", "extra", "--yes", "--catalog", catalogPath, "--engine", "box-a", "--engine", "box-b", "--timeout", "10"],
            environment: ["XDG_STATE_HOME": dir + "/state"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let onB = DockerClient(endpoint: try DockerEndpoint.parse(try #require(Self.environment["AILAB_TEST_NETNS_B_SOCK"])))
        #expect(try await onB.listContainers(all: true).contains { $0.names.contains("/netlab-extra-1") })
        let onA = DockerClient(endpoint: try DockerEndpoint.parse(try #require(Self.environment["AILAB_TEST_NETNS_A_SOCK"])))
        #expect(try await !onA.listContainers(all: true).contains { $0.names.contains("/netlab-extra-1") })
        #expect(Self.services(try Self.status(catalogPath).json)["extra"]?["engine"] as? String == "box-b")
        for command in ["map", "roadmap"] {
            let both = try AilabBinary.run(
                [command, "--json", "--catalog", catalogPath, "--engine", "box-a", "--engine", "box-b", "--timeout", "10"],
                environment: ["XDG_STATE_HOME": dir + "/state"])
            #expect(both.status == 0, "\(command) with both engines up: \(both.status) \(both.stderr)")
        }

        // The console watches both: each service named with its engine, the header per engine.
        let tmux = Tmux()
        defer { tmux.kill() }
        tmux.start("env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(dir)/state \(AilabBinary.url.path) --catalog \(catalogPath) --engine box-a --engine box-b --timeout 10; sleep 60", width: 120, height: 30)
        tmux.send("2")
        #expect(tmux.waitFor(30) { $0.contains("web@box-a") && $0.contains("api@box-b") && $0.contains("box-a ●") && $0.contains("box-b ●") }, "\(tmux.screen)")
        // The Ports screen: api's port listening, asked at box-b's address, with its ENGINE.
        tmux.send("3")
        #expect(tmux.waitFor(30) { screen in
            screen.split(separator: "\n").contains { $0.contains("\(Self.apiPort)") && $0.contains("box-b") && $0.split(separator: " ").contains("yes") }
        }, "\(tmux.screen)")
        tmux.send("2")
        // The console's shell on each box: web over ssh (box-a), api over TLS (box-b).
        for (service, container) in [("web", "netlab-web-1"), ("api", "netlab-api-1")] {
            tmux.send(":", "shell \(service)", "Enter")
            #expect(tmux.waitFor(30) { !$0.contains("CONDITION") && $0.contains("built-in shell (ash)") }, "no shell in \(service):\n\(tmux.screen)")
            tmux.send("echo $((6*7)); exit 3", "Enter")
            #expect(tmux.waitFor(30) { $0.contains("CONDITION") && $0.contains("shell in \(container)") && $0.contains("ended (exit 3)") }, "not back from \(service):\n\(tmux.screen)")
        }

        // Idle, the console's requests to box-a (the heartbeat's ping each second) reuse a kept
        // ssh connection, as the docker CLI's HTTP client does: no new login in 5 s.
        let logins = { (try? String(contentsOfFile: dir + "/ssh/sshd.log", encoding: .utf8))?.components(separatedBy: "Accepted publickey").count ?? 0 }
        let quiet = logins()
        try await Task.sleep(for: .seconds(5))
        #expect(logins() - quiet <= 1, "ssh logins to box-a while the console idled: \(logins() - quiet)")

        // Engine b goes down: only its service becomes unknown.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/test-netns.sh").path
        let stopper = try #require(Spawn.start(["bash", script, "stop-engine", dir, "b"]))
        #expect(Spawn.exitCode(Spawn.wait(stopper)) == 0)
        report = try Self.status(catalogPath)
        #expect(report.exit == 2, "one watched engine is down: \(report.stderr)")
        #expect(report.stderr.contains("box-b"))
        services = Self.services(report.json)
        #expect(services["api"]?["condition"] as? String == "unknown")
        #expect(services["web"]?["condition"] as? String == "healthy")
        #expect(services["stray"]?["engine"] as? String == "box-b" && services["stray"]?["condition"] as? String == "unknown")
        // map and roadmap read the same engines and say the same: one is down (exit 2, named).
        for command in ["map", "roadmap"] {
            let other = try AilabBinary.run(
                [command, "--json", "--catalog", catalogPath, "--engine", "box-a", "--engine", "box-b", "--timeout", "10"],
                environment: ["XDG_STATE_HOME": dir + "/state"])
            #expect(other.status == 2 && other.stderr.contains("box-b"), "\(command): \(other.status) \(other.stderr)")
        }
        let after = try #require(report.json["engines"] as? [[String: Any]])
        #expect(after.map { $0["reachable"] as? Bool } == [true, false])
        #expect(after.last?["error"] is String)
        // The console sees it go from box-b's own stream: only api turns unknown.
        #expect(tmux.waitFor(30) { $0.contains("box-b (down)") && $0.contains("● web@box-a") && !$0.contains("● api@box-b") }, "\(tmux.screen)")
    }

    /// TLS to engine b: the right CA answers; a CA that did not sign its certificate is refused.
    static func checkTLS(_ dir: String) async throws {
        let address = try DockerEndpoint.parse(try #require(environment["AILAB_TEST_NETNS_B_TCP"]))
        let client = { (ca: String) in
            DockerClient(endpoint: address, tls: EngineTLS(caFile: ca, certFile: dir + "/tls/cert.pem", keyFile: dir + "/tls/key.pem"))
        }
        #expect(try await client(dir + "/tls/ca.pem").version().apiVersion == "1.41")
        do {
            _ = try await client(try #require(environment["AILAB_TEST_NETNS_WRONG_CA"])).version()
            Issue.record("an engine whose certificate the CA did not sign was accepted")
        } catch DockerError.unreachable(_, let reason) {
            #expect(reason.contains("TLS"), "\(reason)")
        }
        await #expect(throws: DockerError.self) { _ = try await DockerClient(endpoint: address).version() }  // plain http to a TLS port
    }

    /// ssh keeps host key checking on: with a known_hosts that lacks engine a's key, it refuses.
    static func checkHostKey(_ dir: String) async throws {
        let config = dir + "/ssh/ssh_config_unknown_host"
        let text = try String(contentsOfFile: dir + "/ssh/ssh_config", encoding: .utf8)
            .replacingOccurrences(of: "UserKnownHostsFile \(dir)/ssh/known_hosts", with: "UserKnownHostsFile \(dir)/ssh/empty_known_hosts")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/ssh/empty_known_hosts", atomically: true, encoding: .utf8)
        let target = try DockerContexts(environment: environment).resolve(requested: ["box-a"], host: nil)[0]
        let client = DockerClient(endpoint: target.endpoint, requestTimeout: .seconds(10), sshConfigFile: config)
        do {
            _ = try await client.version()
            Issue.record("ssh connected to a host whose key is not known")
        } catch DockerError.unreachable(_, let reason) {
            #expect(reason.contains("Host key verification failed"), "\(reason)")
        }
    }
}

/// What scripts/test-netns.sh exported, when the tests run under it.
enum NetnsEngines {
    static let environment = ProcessInfo.processInfo.environment
    static let dir = environment["AILAB_TEST_NETNS_DIR"]
}
