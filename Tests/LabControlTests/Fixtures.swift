@testable import DockerClient
import Foundation
import LabCatalog
@testable import LabModel

/// Small hand-made catalogs and containers for tests that need no engine.
enum Fixtures {
    static let yaml = """
        name: lab
        services:
          web:
            image: example/web:1
            ports: ["8080:80"]
            depends_on: [db]
            x-ailab: {layer: app, phase: 1, probe: {path: /health}}
          db:
            image: postgres:17
            ports: ["5432:5432"]
            x-ailab: {layer: data, phase: 0}
          big:
            image: example/big:1
            depends_on: [big-cache]
            x-ailab: {layer: data, phase: 2}
          big-cache:
            image: redis:7
            x-ailab: {part-of: big}
          big-db:
            image: postgres:17
            container_name: big-database
            x-ailab: {part-of: big}
        """

    static func catalog() throws -> Catalog { try CatalogLoader.load(yaml: yaml, file: "fixture.yaml") }

    static func container(
        _ name: String, project: String? = "lab", service: String? = nil, image: String = "example/web:1",
        state: String = "running", status: String = "Up 3 minutes", ports: [PortBinding] = []
    ) -> ContainerStatus {
        var labels: [String: String] = [:]
        if let project { labels[ComposeLabel.project] = project }
        if let service { labels[ComposeLabel.service] = service }
        return ContainerStatus(summary: ContainerSummary(
            id: "id-\(name)", names: ["/\(name)"], image: image, state: state, status: status, ports: ports, labels: labels))
    }

    static let reachable = EngineInfo(endpoint: "unix:///test.sock", reachable: true, version: "20.10", apiVersion: "1.41")
}
