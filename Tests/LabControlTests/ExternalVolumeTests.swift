import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// `external:` volumes are used, never created or removed, and plans say so; `name:` is the engine's name.
@Suite struct ExternalVolumeTests {
    let catalog = try! CatalogLoader.load(yaml: """
        name: lab
        services:
          llm: {image: "ollama/ollama:1", volumes: ["models:/models", "cache:/cache", "scratch:/tmp/s"]}
        volumes:
          models: {external: true}
          cache: {name: shared-cache}
          scratch:
        """, file: "t.yaml")

    @Test func externalVolumesAreUsedButNeverMadeOrRemoved() throws {
        let component = try #require(catalog.service(named: "llm")).primary
        let blueprint = ContainerBlueprint(service: "llm", component: component, project: "lab", catalogDirectory: "/tmp")
        #expect(blueprint.volumeNames == ["shared-cache", "lab_scratch"])
        let spec = try blueprint.spec(network: "lab_default") { text, _ in text }
        #expect(spec.hostConfig.binds == ["models:/models", "shared-cache:/cache", "lab_scratch:/tmp/s"])
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [])
        let install = ActionPlanner(snapshot: snapshot).plan(ActionRequest(.install, ["llm"]))
        #expect(install.entries.map(\.summary) == ["install llm; external volume models not created or removed by ailab"])
        let running = Fixtures.container("lab-llm-1", service: "llm", image: "ollama/ollama:1")
        let purge = ActionPlanner(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [running]))
            .plan(ActionRequest(.remove, ["llm"], purge: true))
        #expect(purge.entries.first?.operation == .remove(containers: ["lab-llm-1"], volumes: ["shared-cache", "lab_scratch"]))
        #expect(purge.entries.first?.summary.contains("external volume models not created or removed by ailab") == true)
    }

    @Test func anExternalDefaultNetworkIsNamedAndSaidSo() throws {
        let catalog = try CatalogLoader.load(yaml: """
            name: lab
            services:
              web: {image: "nginx:1"}
            networks:
              default: {name: edge, external: true}
              backend: {}
            """, file: "t.yaml")
        #expect(catalog.networkName == "edge" && catalog.networkIsExternal)
        #expect(catalog.warnings.map(\.message) == ["network 'backend' is not applied: ailab puts every service on the project's one network"])
        let plan = ActionPlanner(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [])).plan(ActionRequest(.install, ["web"]))
        #expect(plan.entries.map(\.summary) == ["install web; external network edge not created or removed by ailab"])
        let named = try CatalogLoader.load(yaml: "name: lab\nservices:\n  web: {image: x}\nnetworks:\n  default: {name: milvus}\n", file: "m.yaml")
        #expect(named.networkName == "milvus" && !named.networkIsExternal)
    }
}
