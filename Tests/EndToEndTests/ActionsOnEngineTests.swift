import Basics
import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A two-service slice of a lab, pulled from the private registry: `app` needs `store`, and its
/// healthcheck reaches `store` by name over the lab network.
struct Slice {
    static let registry = TestEngine.registry ?? "127.0.0.1:5123"
    var storePort = freePort()
    var appPort = freePort()
    var storeImage = "\(Slice.registry)/ailab-fixture/payload:1"
    var appImage = "\(Slice.registry)/ailab-fixture/httpd:1"
    var appCheckPath = "/health"
    var appEnvironment = "plain"

    var yaml: String {
        """
        name: PROJECT
        services:
          store:
            image: \(storeImage)
            ports: ["\(storePort):8080"]
            volumes: [store-data:/data]
            stop_grace_period: 1s
            environment:
              STORE_KEY: ${STORE_KEY}
            healthcheck: {test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:8080/health"], interval: 1s, timeout: 2s, retries: 3}
            x-ailab: {layer: data, phase: 1, title: Store, secrets: [STORE_KEY]}
          app:
            image: \(appImage)
            ports: ["\(appPort):8080"]
            depends_on: [store]
            stop_grace_period: 1s
            environment:
              STORE_URL: http://store:8080
              APP_TOKEN: token-${STORE_KEY}
              MODE: \(appEnvironment)
            healthcheck: {test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://store:8080\(appCheckPath)"], interval: 1s, timeout: 2s, retries: 2}
            x-ailab: {layer: app, phase: 1, title: App}
        volumes:
          store-data: {}
        """
    }
}

/// Collects an action's events.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ActionEvent] = []
    func add(_ event: ActionEvent) { lock.withLock { stored.append(event) } }
    var events: [ActionEvent] { lock.withLock { stored } }
    var text: String { events.map(\.line).joined(separator: "\n") }
}

extension EngineLab {
    /// `with`, and afterwards everything the project made is gone: containers, volumes, network, state.
    static func withProject(yaml: String, _ body: (inout EngineLab) async throws -> Void) async throws {
        try await with(yaml: yaml) { lab in
            do {
                try await body(&lab)
            } catch {
                await lab.cleanUpProject()
                throw error
            }
            await lab.cleanUpProject()
        }
    }

    var stateDirectory: String { FileManager.default.temporaryDirectory.appendingPathComponent("state-\(project)").path }

    func actions() -> LabActions { LabActions(client: client, catalog: catalog, stateDirectory: stateDirectory, environment: [:]) }

    /// Plans and runs `request` as the console does, answering every question yes.
    func act(_ request: ActionRequest, healthTimeout: Duration = .seconds(30)) async throws -> (ActionPlan, ActionResult, EventLog) {
        let plan = try await actions().prepare(request)
        let log = EventLog()
        guard plan.refusals.isEmpty else { return (plan, .failed("refused"), log) }
        let result = await actions().runner(healthTimeout: healthTimeout).run(plan) { log.add($0) }
        return (plan, result, log)
    }

    func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> AilabBinary.Result {
        let stateHome = (stateDirectory as NSString).deletingLastPathComponent + "/xdg-\(project)"
        try? FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: stateHome + "/ailab") {
            try? FileManager.default.createSymbolicLink(atPath: stateHome + "/ailab", withDestinationPath: stateDirectory)
        }
        return try AilabBinary.run(arguments + ["--catalog", catalogPath, "--host", TestEngine.host!], environment: environment.merging(["XDG_STATE_HOME": stateHome]) { $1 })
    }

    /// Everything the project made: containers, volumes, network.
    func cleanUpProject() async {
        for container in (try? await client.listContainers(filters: ["label": ["\(ComposeLabel.project)=\(project)"]])) ?? [] {
            try? await client.removeContainer(container.id, force: true)
        }
        for volume in (try? await client.listVolumes(filters: ["label": ["\(ComposeLabel.project)=\(project)"]])) ?? [] {
            try? await client.removeVolume(volume.name, force: true)
        }
        try? await client.removeNetwork(catalog.networkName)
        // The payload's layers under any name would turn the next test's pull into "Already exists".
        try? await forgetPayload()
        try? FileManager.default.removeItem(atPath: stateDirectory)
        try? FileManager.default.removeItem(atPath: (stateDirectory as NSString).deletingLastPathComponent + "/xdg-\(project)")
    }

    /// Removes every local copy of the registry's payload image (whatever registry address it
    /// came by: they share layers), so the next pull really downloads.
    func forgetPayload() async throws {
        for image in try await client.listImages() where image.repoTags.contains(where: { $0.contains("ailab-fixture/payload") }) {
            try await client.removeImage(image.id, force: true)
        }
    }

    func projectContainers() async throws -> [ContainerSummary] {
        try await client.listContainers(filters: ["label": ["\(ComposeLabel.project)=\(project)"]])
    }
}

extension StatusOnEngineTests {
    @Test func installsASliceFromTheRegistryDependencyFirstLabelledLikeComposeWithSecretsKept() async throws {
        let slice = Slice()
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            try await lab.forgetPayload()
            try? await lab.client.removeImage(slice.appImage)

            let (plan, result, log) = try await lab.act(ActionRequest(.install, ["app"]))
            #expect(plan.entries.map(\.summary) == ["install store, needed by app", "install app"])
            #expect(result == .done, "\(log.text)")
            // The pull was real: progress over the payload's layers, in bytes.
            let progress = log.events.compactMap(\.pull).filter { $0.image == slice.storeImage }
            #expect(progress.last.map { $0.total > 2_000_000 && $0.downloaded == $0.total } == true, "\(progress.last.map(\.summary) ?? "no progress")")

            // Dependency first, by the engine's own clock.
            let store = try await lab.client.inspectContainer("\(lab.project)-store-1")
            let app = try await lab.client.inspectContainer("\(lab.project)-app-1")
            let storeStarted = try #require(EngineTime.parse(store.state.startedAt))
            let appStarted = try #require(EngineTime.parse(app.state.startedAt))
            #expect(storeStarted < appStarted)
            #expect(app.state.health?.status == "healthy")  // it reached store by name

            // `docker compose -p PROJECT ps` filters exactly so.
            let composeListed = try await lab.client.listContainers(filters: ["label": [
                "\(ComposeLabel.project)=\(lab.project)", "\(ComposeLabel.oneoff)=False", ComposeLabel.configHash,
            ]])
            #expect(Set(composeListed.map(\.name)) == ["\(lab.project)-store-1", "\(lab.project)-app-1"])
            #expect(app.config.labels[ComposeLabel.containerNumber] == "1" && app.config.labels[ComposeLabel.service] == "app")
            #expect(try await lab.client.listVolumes(filters: ["name": ["\(lab.project)_store-data"]]).count == 1)

            // The secret: generated, 0600, in the container, in no output and no log.
            let secretPath = lab.stateDirectory + "/secrets/STORE_KEY"
            let secret = try String(contentsOfFile: secretPath, encoding: .utf8)
            #expect(secret.count == 64)
            let mode = try FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            #expect(app.config.env.contains("APP_TOKEN=token-\(secret)"))
            let actionLog = try String(contentsOfFile: lab.stateDirectory + "/actions.log", encoding: .utf8)
            #expect(actionLog.contains("install store: done  create \(lab.project)-store-1"))
            #expect(!log.text.contains(secret) && !actionLog.contains(secret))

            // Again: nothing changes, and it says so, with exit 0.
            let again = try lab.cli(["install", "app"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("app: already installed and running; nothing to do"))
            #expect(try await lab.client.inspectContainer("\(lab.project)-app-1").id == app.id)

            // Stop what another needs: asked; no terminal and no --yes refuses (3).
            let refused = try lab.cli(["stop", "store"])
            #expect(refused.status == 3)
            #expect(refused.stderr.contains("Stop store? app needs it and will lose it."))
            let stopped = try lab.cli(["stop", "store", "--yes"])
            #expect(stopped.status == 0, "\(stopped.stderr)")
            #expect(try await lab.client.inspectContainer(store.id).state.running == false)

            // Start app: its stopped dependency comes up first.
            let started = try lab.cli(["start", "app"])
            #expect(started.status == 0, "\(started.stderr)")
            #expect(started.stdout.contains("start store, needed by app"))
            #expect(try await lab.client.inspectContainer(store.id).state.health?.status == "healthy")

            let restarted = try lab.cli(["restart", "app"])
            #expect(restarted.status == 0, "\(restarted.stderr)")
            let restartedAt = try #require(EngineTime.parse(try await lab.client.inspectContainer(app.id).state.startedAt))
            #expect(restartedAt > appStarted)

            // Remove keeps volumes; purge deletes them. Both only with --yes here.
            #expect(try lab.cli(["remove", "app"]).status == 3)
            let removed = try lab.cli(["remove", "app", "--yes"])
            #expect(removed.status == 0, "\(removed.stderr)")
            let purged = try lab.cli(["remove", "store", "--purge", "--yes"])
            #expect(purged.status == 0, "\(purged.stderr)")
            #expect(try await lab.projectContainers().isEmpty)
            #expect(try await lab.client.listVolumes(filters: ["name": ["\(lab.project)_store-data"]]).isEmpty)
            for output in [again, refused, stopped, started, restarted, removed, purged] {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }
    }

    @Test func aTakenPortIsRefusedBeforeAnythingIsCreatedNamingItsHolder() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            // A container of another project publishes store's port.
            let holder = try await lab.run("squatter", .noCheck, hostPort: slice.storePort, project: "other-\(lab.project)")
            let holderName = try await lab.client.inspectContainer(holder).name.trimmingCharacters(in: ["/"])
            // And a host process listens on app's.
            let listener = try Listener(port: slice.appPort)
            defer { listener.close() }

            let plan = try await lab.actions().prepare(ActionRequest(.install, ["app"]))
            #expect(plan.refusals.contains("host port \(slice.storePort)/tcp for store is taken: container \(holderName) publishes it"), "\(plan.refusals)")
            #expect(plan.refusals.contains { $0.hasPrefix("host port \(slice.appPort)/tcp for app is taken: a host process listens on it (") && $0.contains("pid \(getpid())") }, "\(plan.refusals)")

            let cli = try lab.cli(["install", "app"])
            #expect(cli.status == 3)
            #expect(cli.stderr.contains("container \(holderName) publishes it"))
            #expect(try await lab.projectContainers().isEmpty)
            #expect(try await lab.client.listNetworks(filters: ["name": [lab.catalog.networkName]]).isEmpty)
            #expect(try await lab.client.listVolumes(filters: ["label": ["\(ComposeLabel.project)=\(lab.project)"]]).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: lab.stateDirectory + "/secrets/STORE_KEY"))
        }
    }

    @Test func aMissingTagIsReportedWithTheRegistrysMessage() async throws {
        var slice = Slice()
        slice.storeImage = "\(Slice.registry)/ailab-fixture/payload:no-such-tag"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            let cli = try lab.cli(["install", "store"])
            #expect(cli.status == 3)
            #expect(cli.stderr.contains("image \(slice.storeImage) is not here and cannot be pulled: manifest unknown"), "\(cli.stderr)")
            #expect(try await lab.projectContainers().isEmpty)
        }
    }

    @Test func aServiceThatNeverGetsHealthyFailsWithItsCheckOutputAndLogs() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        slice.appImage = "ailab-fixture/httpd:1"
        slice.appCheckPath = "/missing"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            let cli = try lab.cli(["install", "app", "--wait", "20"])
            #expect(cli.status == 1)
            #expect(cli.stderr.contains("\(lab.project)-app-1 became unhealthy"), "\(cli.stderr)")
            #expect(cli.stderr.contains("last health check (exit 1): wget: server returned error: HTTP/1.1 404"), "\(cli.stderr)")
            #expect(cli.stderr.contains("ailab remove app"))
        }
    }

    @Test func aDriftedServiceIsRecreatedAfterConfirmationKeepingItsVolume() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        slice.appImage = "ailab-fixture/httpd:1"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            let (_, installed, log) = try await lab.act(ActionRequest(.install, ["app"]))
            #expect(installed == .done, "\(log.text)")
            let before = try await lab.client.inspectContainer("\(lab.project)-app-1")

            slice.appEnvironment = "changed"
            try slice.yaml.replacingOccurrences(of: "name: PROJECT", with: "name: \(lab.project)").write(toFile: lab.catalogPath, atomically: true, encoding: .utf8)
            let status = try lab.cli(["status", "--json"])
            #expect(status.stdout.contains("\"drifted\" : true"), "\(status.stdout)")
            let refused = try lab.cli(["install", "app"])
            #expect(refused.status == 3)
            #expect(refused.stderr.contains("app has drifted from the catalog: recreate app?"))
            let recreated = try lab.cli(["install", "app", "--yes"])
            #expect(recreated.status == 0, "\(recreated.stderr)")
            let after = try await lab.client.inspectContainer("\(lab.project)-app-1")
            #expect(after.id != before.id)
            #expect(after.config.env.contains("MODE=changed"))
            #expect(after.config.labels[ComposeLabel.configHash] != before.config.labels[ComposeLabel.configHash])
        }
    }

    @Test func secretsAreMaskedInStatusOutputUnlessShowSecrets() async throws {
        try await EngineLab.withProject(yaml: Slice().yaml) { lab in
            let secret = "s3cr3t-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: lab.stateDirectory + "/secrets", withIntermediateDirectories: true)
            try secret.write(toFile: lab.stateDirectory + "/secrets/STORE_KEY", atomically: true, encoding: .utf8)
            // A health check that prints the secret (as a misconfigured one might).
            var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
            spec.labels = [ComposeLabel.project: lab.project, ComposeLabel.service: "store"]
            spec.healthcheck = .init(test: ["CMD-SHELL", "echo connecting with token=\(secret); exit 1"], interval: 300_000_000, retries: 1)
            let id = try await lab.client.createContainer(name: "\(lab.project)-store-1", spec: spec)
            lab.adopt(id)
            try await lab.client.startContainer(id)
            _ = try await lab.snapshot { $0.status(of: "store")?.health == .unhealthy }

            let masked = try lab.cli(["status", "--json"])
            #expect(masked.stdout.contains("connecting with token=\(SecretMask.mask)"), "\(masked.stdout)")
            #expect(!masked.stdout.contains(secret))
            let table = try lab.cli(["status"])
            #expect(!table.stdout.contains(secret))
            let shown = try lab.cli(["status", "--json", "--show-secrets"])
            #expect(shown.stdout.contains("connecting with token=\(secret)"))
        }
    }

    @Test func anUnreachableEngineExitsTwo() throws {
        let result = try AilabBinary.run(["install", "qdrant", "--host", "unix:///nonexistent/docker.sock"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("engine unreachable"))
    }
}

/// A host process (this one) listening on a TCP port.
struct Listener {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = INADDR_ANY
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    func close() { Glibc.close(fd) }
}
