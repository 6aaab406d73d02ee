import DockerClient
import LabCatalog
@testable import LabModel
import Testing

@Suite struct MappingTests {
    @Test func mapsByComposeServiceLabelIncludingComponents() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("lab-web-1", service: "web"),
            Fixtures.container("lab-big-cache-1", service: "big-cache", image: "redis:7"),
        ])
        #expect(snapshot.status(of: "web")?.containers.map(\.name) == ["lab-web-1"])
        #expect(snapshot.status(of: "big")?.containers.map(\.name) == ["lab-big-cache-1"])
        #expect(snapshot.status(of: "db")?.state == .notInstalled)
        #expect(snapshot.others.isEmpty)
    }

    @Test func prefersTheCatalogsProjectOverAnotherWithTheSameServiceName() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("lab-db-1", service: "db", image: "postgres:17"),
            Fixtures.container("shop-db-1", project: "shop", service: "db", image: "postgres:17"),
            Fixtures.container("shop-web-1", project: "shop", service: "web"),
            Fixtures.container("shop-api-1", project: "shop", service: "api"),
        ])
        #expect(snapshot.status(of: "db")?.containers.map(\.name) == ["lab-db-1"])
        // Nothing of the lab's own project runs web, so another project's web is taken as it.
        #expect(snapshot.status(of: "web")?.containers.map(\.name) == ["shop-web-1"])
        #expect(snapshot.others.map(\.name) == ["shop-api-1", "shop-db-1"])
    }

    @Test func aLookAlikeIsNotTheLabsOnceTheLabsOwnContainerExists() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("lab-web-1", service: "web"),
            Fixtures.container("web", project: nil, state: "exited", status: "Exited (137) 1 hour ago"),
            Fixtures.container("scratch", project: nil, image: "example/web:1"),
        ])
        #expect(snapshot.status(of: "web")?.containers.map(\.name) == ["lab-web-1"])
        #expect(snapshot.status(of: "web")?.state == .running)
        #expect(snapshot.others.map(\.name) == ["scratch", "web"])
    }

    @Test func onlyTheProjectsAndHandMadeNamesakesAreActedOn() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("db", project: nil, image: "postgres:17"),
            Fixtures.container("somebodys-web", project: nil, image: "example/web:1"),
        ])
        #expect(snapshot.status(of: "db")?.ownedContainers.map(\.name) == ["db"])  // made by hand, by its name
        #expect(snapshot.status(of: "web")?.containers.map(\.name) == ["somebodys-web"])  // shown, by image
        #expect(snapshot.status(of: "web")?.ownedContainers.isEmpty == true)  // but never touched
    }

    @Test func fallsBackToNamesThenToUnambiguousImages() throws {
        let snapshot = LabSnapshot(catalog: try Fixtures.catalog(), engine: Fixtures.reachable, containers: [
            Fixtures.container("web", project: nil, image: "custom/web:dev"),
            Fixtures.container("lab-db-1", project: nil, image: "postgres:15"),
            Fixtures.container("big-database", project: nil, image: "postgres:17"),
            Fixtures.container("cache", project: nil, image: "redis:7"),
            Fixtures.container("stray-postgres", project: nil, image: "postgres:17"),
        ])
        #expect(snapshot.status(of: "web")?.containers.map(\.name) == ["web"])
        #expect(snapshot.status(of: "db")?.containers.map(\.name) == ["lab-db-1"])
        #expect(snapshot.status(of: "big")?.containers.map(\.name) == ["cache", "big-database"])
        // postgres:17 is both db's and big-db's image: an image that two services share decides nothing.
        #expect(snapshot.others.map(\.name) == ["stray-postgres"])
    }

    @Test func composeStyleNamesLoseProjectAndNumber() {
        #expect(ServiceMapper.composeStyleBase("lab-big-cache-1", project: "lab") == "big-cache")
        #expect(ServiceMapper.composeStyleBase("lab_web_2", project: "lab") == "web")
        #expect(ServiceMapper.composeStyleBase("other-web-1", project: "lab") == "other-web-1")
    }
}
