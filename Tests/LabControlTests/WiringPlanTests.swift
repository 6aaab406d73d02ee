import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// Wires on hand-made snapshots: installing the far end of a wire asks to recreate the service
/// wired to it, and a container made before the far end existed counts as drifted.
struct WiringPlanTests {
    static let yaml = """
        name: lab
        services:
          chat:
            image: chat:1
            environment: {STORE: local}
            x-ailab:
              layer: app
              wires:
                - to: vectors
                  environment: {STORE: vectors}
          vectors:
            image: vectors:1
            x-ailab: {layer: data}
        """
    let catalog = try! CatalogLoader.load(yaml: Self.yaml, file: "wiring.yaml")

    func snapshot(_ containers: [ContainerStatus]) -> LabSnapshot {
        LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers)
    }

    /// A container as ailab would have made it with `installed` present.
    func made(_ component: String, installed: Set<String>) -> ContainerStatus {
        var container = Fixtures.container("lab-\(component)-1", service: component)
        let service = catalog.service(ofComponent: component)!.wired(to: installed)
        container.labels[ComposeLabel.configHash] = ContainerBlueprint.hash(of: service.components.first { $0.name == component }!)
        return container
    }

    @Test func installingTheFarEndAsksToRecreateTheServiceWiredToIt() {
        let plan = ActionPlanner(snapshot: snapshot([made("chat", installed: ["chat"])])).plan(ActionRequest(.install, ["vectors"]))
        #expect(plan.refusals.isEmpty)
        #expect(plan.entries.map(\.service) == ["vectors", "chat"])
        #expect(plan.entries[1].operation == .recreate(components: ["chat"]))
        #expect(plan.entries[1].reason == "wired to vectors")
        #expect(plan.questions == ["chat is wired to vectors: recreate chat so it uses vectors? (its volumes are kept)"])
    }

    @Test func nothingToRewireWhenTheWiredServiceIsNotInstalledOrTheFarEndIsThere() {
        let alone = ActionPlanner(snapshot: snapshot([])).plan(ActionRequest(.install, ["vectors"]))
        #expect(alone.entries.map(\.service) == ["vectors"])
        #expect(alone.questions.isEmpty)
        let both = snapshot([made("chat", installed: ["chat", "vectors"]), made("vectors", installed: ["chat", "vectors"])])
        #expect(ActionPlanner(snapshot: both).plan(ActionRequest(.install, ["vectors"])).questions.isEmpty)
        #expect(both.status(of: "chat")?.isDrifted == false)
    }

    @Test func aContainerMadeBeforeTheFarEndWasInstalledHasDrifted() throws {
        let lab = snapshot([made("chat", installed: ["chat"]), made("vectors", installed: ["vectors"])])
        #expect(lab.status(of: "chat")?.driftedComponents == ["chat"])
        #expect(lab.status(of: "vectors")?.isDrifted == false)
        // ailab install chat then recreates it, wired: the create body carries the wire's value.
        let plan = ActionPlanner(snapshot: lab).plan(ActionRequest(.install, ["chat"]))
        #expect(plan.entries.map(\.operation) == [.recreate(components: ["chat"])])
        let wired = try #require(lab.status(of: "chat")?.service.primary)
        let spec = try ContainerBlueprint(service: "chat", component: wired, project: "lab", catalogDirectory: "/")
            .spec(network: "lab_default") { text, _ in text }
        #expect(spec.env == ["STORE=vectors"])
    }
}
