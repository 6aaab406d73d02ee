import DockerClient
import Foundation
import LabCatalog
import LabModel
import LabLive
import TestSupport
import Testing

/// Lab-shaped containers on the private engine (`TestEngine`) under a project of the test's own.
struct EngineLab {
    let client: DockerClient
    let project: String
    let catalog: Catalog
    let catalogPath: String
    private(set) var created: [String] = []

    /// The built-in catalog (or `yaml`, whose `name: PROJECT` is filled in) under a fresh project
    /// name, also written to a file for the CLI.
    init(yaml custom: String? = nil) throws {
        client = try TestEngine.client()
        project = "t\(UUID().uuidString.prefix(8).lowercased())"
        let source = try custom ?? String(contentsOf: Self.builtInURL(), encoding: .utf8).replacingOccurrences(of: "\nname: ailab\n", with: "\nname: PROJECT\n")
        let yaml = source.replacingOccurrences(of: "name: PROJECT", with: "name: \(project)")
        catalogPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(project).yaml").path
        try yaml.write(toFile: catalogPath, atomically: true, encoding: .utf8)
        catalog = try Catalog.load(path: catalogPath)
    }

    static func builtInURL() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LabCatalog/Resources/lab.yaml")
    }

    /// `completes`: exits 0 at once (a one-shot job); `crashLoops`: exits 3 under `restart: always`.
    enum Behaviour { case healthy, unhealthy, exits, noCheck, completes, crashLoops }

    /// Runs a fixture container labelled as compose would label `service` of this project.
    @discardableResult
    mutating func run(_ component: String, _ behaviour: Behaviour, hostPort: Int? = nil, project: String? = nil, replacing old: String? = nil) async throws -> String {
        if let old { try await client.removeContainer(old, force: true) }
        let labels = [
            ComposeLabel.project: project ?? self.project, ComposeLabel.service: component,
            ComposeLabel.containerNumber: "1", ComposeLabel.oneoff: "False",
        ]
        let checked = behaviour == .healthy ? "/health" : behaviour == .unhealthy ? "/missing" : nil
        var spec = TestEngine.httpdSpec(healthPath: checked, labels: labels, hostPort: hostPort, interval: .milliseconds(300))
        if behaviour == .exits || behaviour == .crashLoops { spec.image = "ailab-fixture/exits:1" }
        if behaviour == .completes { spec.cmd = ["/bin/true"] }
        if behaviour == .crashLoops { spec.hostConfig.restart("always") }
        let id = try await client.createContainer(name: "\(project ?? self.project)-\(component)-1", spec: spec)
        created.append(id)
        try await client.startContainer(id)
        return id
    }

    /// Runs `body` on a fresh lab and removes its containers afterwards, failed or not.
    static func with(yaml: String? = nil, _ body: (inout EngineLab) async throws -> Void) async throws {
        var lab = try EngineLab(yaml: yaml)
        do {
            try await body(&lab)
        } catch {
            await lab.removeAll()
            throw error
        }
        await lab.removeAll()
    }

    /// Removes `id` with the lab's own containers.
    mutating func adopt(_ id: String) { created.append(id) }

    func removeAll() async {
        for id in created { try? await client.removeContainer(id, force: true) }
        try? FileManager.default.removeItem(atPath: catalogPath)
    }

    /// Polls the engine until `condition` holds for a fresh snapshot.
    func snapshot(within seconds: Double = 15, until condition: (LabSnapshot) -> Bool) async throws -> LabSnapshot {
        let loader = SnapshotLoader(client: client, catalog: catalog)
        var last = await loader.load()
        _ = await waitFor(.seconds(seconds), every: .milliseconds(150)) {
            last = await loader.load()
            return condition(last)
        }
        return last
    }
}

/// `body`'s answer, or nil once `seconds` have passed.
func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async -> T?) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// The first snapshot of `updates` that satisfies `condition`, or nil after `seconds`.
func firstSnapshot(
    _ updates: AsyncStream<LabUpdate>, within seconds: Double = 15, where condition: @escaping @Sendable (LabSnapshot) -> Bool
) async -> LabSnapshot? {
    await within(seconds) {
        for await update in updates {
            if case .snapshot(let snapshot) = update, condition(snapshot) { return snapshot }
        }
        return nil
    }
}
