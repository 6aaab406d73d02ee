import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// Actions on one container (the Containers screen): planned on exactly that container, any
/// project's, with the same questions a service's action asks.
struct ContainerActionPlanTests {
    let catalog = try! Fixtures.catalog()

    func plan(_ kind: ActionKind, _ name: String, purge: Bool = false, containers: [ContainerStatus]) -> ActionPlan {
        var request = ActionRequest.container(kind, ContainerTarget(id: "id-\(name)", name: name))
        request.purge = purge
        return ActionPlanner(snapshot: LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers)).plan(request)
    }

    let others = [
        Fixtures.container("other-web-1", project: "other", service: "web2", image: "nginx"),
        Fixtures.container("other-job-1", project: "other", service: "job", image: "busybox", state: "exited", status: "Exited (0) 1 hour ago"),
    ]

    @Test func anotherProjectsContainerIsStoppedWithoutTouchingItsService() {
        let plan = plan(.stop, "other-web-1", containers: others)
        #expect(plan.refusals.isEmpty)
        #expect(plan.entries == [PlanEntry(service: "other-web-1", operation: .stop)])
        #expect(plan.questions.isEmpty)
        #expect(self.plan(.stop, "other-job-1", containers: others).entries.map(\.operation) == [.nothing("already stopped")])
        #expect(self.plan(.start, "other-job-1", containers: others).entries.map(\.operation) == [.start])
        #expect(self.plan(.start, "other-web-1", containers: others).entries.map(\.operation) == [.nothing("already running")])
        #expect(self.plan(.restart, "other-web-1", containers: others).entries.map(\.operation) == [.restart])
    }

    @Test func removeAsksAndKeepsVolumesAndPurgeOrInstallIsRefused() {
        let remove = plan(.remove, "other-job-1", containers: others)
        #expect(remove.entries.map(\.operation) == [.remove(containers: ["other-job-1"], volumes: [])])
        #expect(remove.questions == ["Remove container other-job-1 (project 'other')? Its volumes are kept."])
        #expect(!plan(.remove, "other-job-1", purge: true, containers: others).refusals.isEmpty)
        #expect(!plan(.install, "other-job-1", containers: others).refusals.isEmpty)
        #expect(plan(.stop, "gone-1", containers: others).refusals == ["container gone-1 is no longer there (`docker ps -a` lists what is)"])
    }

    /// A lab component's container asks, as its service would, when a running service needs it.
    @Test func stoppingALabComponentNeededByARunningServiceAsks() {
        let lab = [Fixtures.container("lab-db-1", service: "db", image: "postgres:17"), Fixtures.container("lab-web-1", service: "web")]
        let plan = plan(.stop, "lab-db-1", containers: lab + others)
        #expect(plan.entries == [PlanEntry(service: "lab-db-1", operation: .stop)])
        #expect(plan.questions == ["Stop container lab-db-1? web needs db and will lose it."])
        #expect(self.plan(.stop, "lab-web-1", containers: lab).questions.isEmpty)
    }
}
