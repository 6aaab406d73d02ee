@testable import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// The planner's rules, on hand-made snapshots: no engine needed.
struct ActionPlanTests {
    let catalog = try! Fixtures.catalog()

    func snapshot(_ containers: [ContainerStatus]) -> LabSnapshot {
        LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers)
    }

    func labelled(_ component: String, state: String = "running", hash: String? = nil) -> ContainerStatus {
        var container = Fixtures.container("lab-\(component)-1", service: component, state: state, status: state == "running" ? "Up 1 minute" : "Exited (0) 1 minute ago")
        let blueprint = catalog.service(ofComponent: component)!.components.first { $0.name == component }!
        container.labels[ComposeLabel.configHash] = hash ?? ContainerBlueprint.hash(of: blueprint)
        return container
    }

    @Test func installPutsDependenciesFirstAndSaysWhyTheyAreThere() {
        let plan = ActionPlanner(snapshot: snapshot([])).plan(ActionRequest(.install, ["web"]))
        #expect(plan.refusals.isEmpty)
        #expect(plan.entries.map(\.service) == ["db", "web"])
        #expect(plan.entries[0].reason == "needed by web")
        #expect(plan.entries[0].operation == .install(components: ["db"]))
        #expect(plan.questions.isEmpty)
    }

    @Test func multiContainerServiceInstallsEveryComponentInOrder() {
        let plan = ActionPlanner(snapshot: snapshot([])).plan(ActionRequest(.install, ["big"]))
        #expect(plan.entries.map(\.operation) == [.install(components: ["big", "big-cache", "big-db"])])
    }

    @Test func installingAnInstalledServiceChangesNothingAndSaysSo() {
        let plan = ActionPlanner(snapshot: snapshot([labelled("db"), labelled("web")])).plan(ActionRequest(.install, ["web"]))
        #expect(!plan.changesSomething)
        #expect(plan.entries.map(\.summary) == [
            "db: already installed and running; nothing to do", "web: already installed and running; nothing to do",
        ])
    }

    @Test func aStoppedDependencyIsStartedButAStoppedTargetIsLeftAlone() {
        let plan = ActionPlanner(snapshot: snapshot([labelled("db", state: "exited")])).plan(ActionRequest(.install, ["web"]))
        #expect(plan.entries.map(\.operation) == [.start, .install(components: ["web"])])
        let again = ActionPlanner(snapshot: snapshot([labelled("db", state: "exited")])).plan(ActionRequest(.install, ["db"]))
        #expect(!again.changesSomething)
        #expect(again.entries[0].summary.contains("ailab start db"))
    }

    @Test func aDriftedServiceIsRecreatedOnlyAfterAQuestion() {
        let plan = ActionPlanner(snapshot: snapshot([labelled("db", hash: "stale")])).plan(ActionRequest(.install, ["db"]))
        #expect(plan.entries.map(\.operation) == [.recreate(components: ["db"])])
        #expect(plan.questions == ["db has drifted from the catalog: recreate db? (its volumes are kept)"])
        #expect(snapshot([labelled("db", hash: "stale")]).status(of: "db")?.isDrifted == true)
        // A container made by hand carries no hash: it is not called drifted.
        #expect(snapshot([Fixtures.container("db", project: nil, image: "postgres:17")]).status(of: "db")?.isDrifted == false)
    }

    @Test func phaseTargetsExpandAndUnknownNamesAreRefused() {
        let planner = ActionPlanner(snapshot: snapshot([]))
        #expect(planner.plan(ActionRequest(.install, ["phase1"])).entries.map(\.service) == ["db", "web"])
        #expect(ActionPlanner.phaseNumber("phase-2") == 2)
        let unknown = planner.plan(ActionRequest(.install, ["nope", "phase9"]))
        #expect(unknown.entries.isEmpty)
        #expect(unknown.refusals.count == 2)
        #expect(unknown.refusals[0].contains("no service or phase named 'nope'"))
        #expect(unknown.refusals[1] == "phase 9 has no services in the catalog")
    }

    @Test func stoppingANeededServiceAsksAndNamesWhoNeedsIt() {
        let running = snapshot([labelled("db"), labelled("web")])
        let plan = ActionPlanner(snapshot: running).plan(ActionRequest(.stop, ["db"]))
        #expect(plan.entries.map(\.operation) == [.stop])
        #expect(plan.questions == ["Stop db? web needs it and will lose it."])
        // Stopping both: the one that needs goes first, and nobody is left needing.
        let both = ActionPlanner(snapshot: running).plan(ActionRequest(.stop, ["db", "web"]))
        #expect(both.entries.map(\.service) == ["web", "db"])
        #expect(both.questions.isEmpty)
    }

    @Test func startBringsStoppedDependenciesUpAndRefusesWhatIsNotInstalled() {
        let plan = ActionPlanner(snapshot: snapshot([labelled("db", state: "exited"), labelled("web", state: "exited")])).plan(ActionRequest(.start, ["web"]))
        #expect(plan.entries.map(\.service) == ["db", "web"])
        #expect(plan.entries.map(\.operation) == [.start, .start])
        let missing = ActionPlanner(snapshot: snapshot([labelled("web", state: "exited")])).plan(ActionRequest(.start, ["web"]))
        #expect(missing.refusals == ["db (needed by web) is not installed: `ailab install db` first"])
    }

    @Test func removeAlwaysAsksAndPurgeNamesTheVolumes() throws {
        let yaml = Fixtures.yaml + """

              vec:
                image: example/vec:1
                volumes: [vec-data:/data, shared:/shared]
                x-ailab: {layer: data, phase: 1}
              other:
                image: example/other:1
                volumes: [shared:/shared]
                x-ailab: {layer: data, phase: 1}
            volumes: {vec-data: {}, shared: {}}
            """
        let catalog = try CatalogLoader.load(yaml: yaml, file: "t.yaml")
        var container = Fixtures.container("lab-vec-1", service: "vec")
        container.labels[ComposeLabel.configHash] = "x"
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [container])
        let keep = ActionPlanner(snapshot: snapshot).plan(ActionRequest(.remove, ["vec"]))
        #expect(keep.entries.map(\.operation) == [.remove(containers: ["lab-vec-1"], volumes: [])])
        #expect(keep.questions == ["Remove vec (containers lab-vec-1)? Its volumes are kept."])
        let purge = ActionPlanner(snapshot: snapshot).plan(ActionRequest(.remove, ["vec"], purge: true))
        // A volume another service mounts is not this one's to delete.
        #expect(purge.entries.map(\.operation) == [.remove(containers: ["lab-vec-1"], volumes: ["lab_vec-data"])])
        #expect(purge.isPurge)
        #expect(purge.questions[0].contains("lost for good"))
    }

    @Test func aCycleIsRefusedByName() throws {
        #expect(throws: DependencyCycle(path: ["a", "b", "a"])) {
            try DependencyOrder.closure(of: ["a"], edges: ["a": ["b"], "b": ["a"]])
        }
        #expect(try DependencyOrder.closure(of: ["web", "x"], edges: ["web": ["db"], "x": ["db"]]) == ["db", "web", "x"])
    }
}

struct ActionSupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func interpolationFollowsComposeAndNeverRunsAnything() throws {
        let values = ["A": "alpha", "EMPTY": "", "EVIL": "$(touch /tmp/ailab-pwned) `id` ${A}"]
        let expand = { (text: String) throws(InterpolationError) -> String in try Interpolation.expand(text, context: "t") { values[$0] } }
        #expect(try expand("x-${A}-$A-$$A-$${A}") == "x-alpha-alpha-$A-${A}")
        #expect(try expand("${MISSING:-fallback} ${EMPTY:-e} ${EMPTY-e} ${A:+set} ${MISSING+set}") == "fallback e  set ")
        // A value is never expanded again, and nothing in it runs.
        #expect(try expand("${EVIL}") == "$(touch /tmp/ailab-pwned) `id` ${A}")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/ailab-pwned"))
        #expect(throws: InterpolationError(description: "t: MISSING is required: set it")) { try expand("${MISSING:?set it}") }
        #expect(throws: InterpolationError.self) { try expand("$(cat /etc/passwd)") }
        #expect(throws: InterpolationError.self) { try expand("${A") }
        #expect(throws: InterpolationError.self) { try expand("${A/x/y}") }
        #expect(Interpolation.names(in: "postgres://u:${PW}@db/${DB:?x}") == ["PW", "DB"])
    }

    @Test func secretsAreGeneratedOnceStoredPrivatelyAndProvidedOnesComeFromTheEnvironment() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = SecretStore(stateDirectory: directory, environment: ["TOKEN": "given-token"])
        let first = try store.ensure("API_KEY", spec: SecretSpec(length: 64))
        #expect(first.count == 64 && first.allSatisfy(\.isHexDigit))
        #expect(try store.ensure("API_KEY", spec: SecretSpec()) == first)
        #expect(try store.ensure("TOKEN", spec: SecretSpec(provided: true)) == "given-token")
        #expect(throws: StateError.self) { try store.ensure("ABSENT", spec: SecretSpec(provided: true)) }
        #expect(throws: StateError.self) { try store.ensure("../escape", spec: SecretSpec()) }
        let attributes = try FileManager.default.attributesOfItem(atPath: store.directory + "/API_KEY")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: store.directory)
        #expect((dir[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(SecretMask(store.allValues()).apply("key=\(first) token=given-token") == "key=\(SecretMask.mask) token=\(SecretMask.mask)")
    }

    @Test func pullProgressAddsUpLayers() {
        var status = PullStatus(image: "x:1")
        status.apply(PullProgress(status: "Pulling from x", id: "1"))
        status.apply(PullProgress(status: "Pulling fs layer", id: "aaa"))
        status.apply(PullProgress(status: "Downloading", id: "aaa", current: 500, total: 1000))
        status.apply(PullProgress(status: "Already exists", id: "bbb"))
        #expect(status.layers.map(\.id) == ["aaa", "bbb"])
        #expect(status.downloaded == 500 && status.total == 1000 && status.finishedLayers == 1)
        status.apply(PullProgress(status: "Pull complete", id: "aaa"))
        #expect(status.downloaded == 1000 && status.summary == "1.0 kB / 1.0 kB, 2 of 2 layers")
    }

    @Test func blueprintLabelsLikeComposeAndResolvesSecretsOnlyIntoTheBody() throws {
        let catalog = try Fixtures.catalog()
        let web = catalog.service(named: "web")!
        let blueprint = ContainerBlueprint(service: "web", component: web.primary, project: "lab", catalogDirectory: "/tmp")
        #expect(blueprint.containerName == "lab-web-1")
        #expect(blueprint.labels[ComposeLabel.oneoff] == "False" && blueprint.labels[ComposeLabel.containerNumber] == "1")
        #expect(blueprint.labels[ComposeLabel.configHash] == ContainerBlueprint.hash(of: web.primary))
        var changed = web.primary
        changed.image = "example/web:2"
        #expect(ContainerBlueprint.hash(of: changed) != blueprint.configHash)
        let spec = try blueprint.spec(network: "lab_default") { text, _ in text }
        #expect(spec.hostConfig.networkMode == "lab_default")
        #expect(spec.hostConfig.portBindings["80/tcp"]?.first?.hostPort == "8080")
    }
}
