import DockerClient
@testable import ailab
import LabCatalog
@testable import LabControl
@testable import LabModel
@testable import LabReport
import Testing

/// Containers are mapped per project: the catalog's own first; one other project stands in for
/// what it lacks, chosen the same way every time, marked, and never acted on.
@Suite struct StandInTests {
    let catalog = try! Fixtures.catalog()

    func snapshot(_ containers: [ContainerStatus], project: String = "lab") -> LabSnapshot {
        var catalog = catalog
        catalog.name = project
        return LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers)
    }

    @Test func twoOtherProjectsWithTheSameServicesAreNeverMerged() {
        let containers = [
            Fixtures.container("zeta-web-1", project: "zeta", service: "web"),
            Fixtures.container("alpha-web-1", project: "alpha", service: "web", state: "exited", status: "Exited (1) 1 minute ago"),
            Fixtures.container("alpha-db-1", project: "alpha", service: "db", image: "postgres:17"),
            Fixtures.container("zeta-db-1", project: "zeta", service: "db", image: "postgres:17"),
        ]
        for order in [containers, containers.reversed()] {
            let lab = snapshot(order)
            // One project per service, first by name: the same on every run, whatever the list order.
            #expect(lab.status(of: "web")?.containers.map(\.name) == ["alpha-web-1"])
            #expect(lab.status(of: "db")?.containers.map(\.name) == ["alpha-db-1"])
            #expect(lab.status(of: "web")?.standInProject == "alpha")
            #expect(lab.others.map(\.name) == ["zeta-db-1", "zeta-web-1"])
            #expect(StatusTable.render(lab).contains("\nweb: shown from project 'alpha', standing in\n"))
            // Marked in the JSON too, for scripts: null for a service's own containers.
            let json = StatusReport(lab).json()
            #expect(json.contains("\"standInProject\" : \"alpha\""))
            #expect(json.contains("\"standInProject\" : null"))
        }
    }

    @Test func aCrashInAnotherProjectChangesNothingInOurs() {
        let ours = Fixtures.container("lab-web-1", service: "web")
        let before = snapshot([ours, Fixtures.container("shop-web-1", project: "shop", service: "web")])
        let after = snapshot([ours, Fixtures.container("shop-web-1", project: "shop", service: "web", state: "exited", status: "Exited (139) 1 second ago")])
        #expect(before.status(of: "web") == after.status(of: "web"))
        #expect(after.status(of: "web")?.state == .running && after.status(of: "web")?.isStandIn == false)
    }

    @Test func aContainerNamedLikeAServiceStandsInWhateverItsLabelSays() {
        // The n8n kit's `ollama-cpu` service runs in a container named `ollama`; here `big-database` plays it.
        let lab = snapshot([Fixtures.container("big-database", project: "kit", service: "db-cpu", image: "postgres:17")])
        #expect(lab.status(of: "big")?.containers.map(\.name) == ["big-database"])
        #expect(lab.status(of: "big")?.standInProject == "kit")
    }

    @Test func actionsOnAStandInRefuseNamingItsProjectUnlessMinusPNamesIt() {
        let shopWeb = Fixtures.container("shop-web-1", project: "shop", service: "web", state: "exited", status: "Exited (0) 1 minute ago")
        for kind in [ActionKind.start, .stop, .restart, .remove] {
            let plan = ActionPlanner(snapshot: snapshot([shopWeb])).plan(ActionRequest(kind, ["web"]))
            #expect(plan.refusals.contains { $0.contains("project 'shop'") && $0.contains("-p shop") }, "\(kind): \(plan.refusals)")
        }
        // With -p shop, shop is the catalog's project: its container is ours to start.
        let shopDB = Fixtures.container("shop-db-1", project: "shop", service: "db", image: "postgres:17")
        let own = ActionPlanner(snapshot: snapshot([shopWeb, shopDB], project: "shop")).plan(ActionRequest(.start, ["web"]))
        #expect(own.refusals.isEmpty, "\(own.refusals)")
        #expect(own.entries.map(\.operation) == [.start])
    }
}
