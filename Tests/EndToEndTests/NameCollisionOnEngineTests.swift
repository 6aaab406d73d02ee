import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

extension StatusOnEngineTests {
    /// Another project's container under the name an install would give: refused before
    /// anything is created, naming the project (the engine would refuse it halfway through).
    @Test func anInstallThatWouldTakeAnExistingContainersNameSaysSoFirst() async throws {
        var slice = Slice()
        slice.storeImage = "ailab-fixture/httpd:1"
        try await EngineLab.withProject(yaml: slice.yaml) { lab in
            var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
            let other = "other-\(lab.project)"
            spec.labels = [ComposeLabel.project: other, ComposeLabel.service: "squatter"]
            let squatter = try await lab.client.createContainer(name: "\(lab.project)-store-1", spec: spec)
            lab.adopt(squatter)
            let plan = try await lab.actions().prepare(ActionRequest(.install, ["store"]))
            #expect(plan.refusals.contains("container name \(lab.project)-store-1 for store is taken by a container of project '\(other)'"), "\(plan.refusals)")
            let cli = try lab.cli(["install", "store"])
            #expect(cli.status == 3, "\(cli.stderr)")
            #expect(try await lab.projectContainers().isEmpty)
            #expect(try await lab.client.listNetworks(filters: ["name": [lab.catalog.networkName]]).isEmpty)
        }
    }
}
