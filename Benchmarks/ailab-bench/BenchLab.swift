import DockerClient
import Foundation
import LabCatalog

/// Twenty containers standing for twenty of the catalog's services, labelled as compose labels
/// them, half with healthchecks; `qdrant`'s has none, so killing it shows at once.
struct BenchLab {
    /// Not the catalog's own project: the console shows these as stand-ins for its services.
    static let project = "ailab-bench"
    static let victim = "qdrant"
    var running: Int
    var victimID: String

    static func make(_ client: DockerClient) async throws -> BenchLab {
        await remove(client)
        let catalog = try Catalog.builtIn()
        var victimID = ""
        let services = catalog.services.prefix(20)
        for (index, service) in services.enumerated() {
            var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
            spec.labels = [
                "com.docker.compose.project": project, "com.docker.compose.service": service.primary.name,
                "com.docker.compose.container-number": "1", "com.docker.compose.oneoff": "False",
            ]
            if index % 2 == 0 && service.name != victim {
                spec.healthcheck = .init(test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"],
                                         interval: 30_000_000_000, timeout: 5_000_000_000, retries: 3, startPeriod: 0)
            }
            let id = try await client.createContainer(name: "\(project)-\(service.primary.name)-1", spec: spec)
            try await client.startContainer(id)
            if service.name == victim { victimID = id }
        }
        guard !victimID.isEmpty else { throw BenchError("the catalog's first 20 services do not include \(victim)") }
        // Until every healthcheck has passed once: the lab is at rest.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let list = try await client.listContainers(filters: ["label": ["com.docker.compose.project=\(project)"]])
            if list.allSatisfy({ !$0.status.contains("starting") }) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        return BenchLab(running: services.count, victimID: victimID)
    }

    static func remove(_ client: DockerClient) async {
        for container in (try? await client.listContainers(filters: ["label": ["com.docker.compose.project=\(project)"]])) ?? [] {
            try? await client.removeContainer(container.id, force: true)
        }
    }
}
