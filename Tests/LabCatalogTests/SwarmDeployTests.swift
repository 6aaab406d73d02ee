import LabCatalog
import Testing

/// compose's deploy.replicas and deploy.placement.constraints, and x-ailab.swarm.
struct SwarmDeployTests {
    @Test func replicasConstraintsAndTheSwarmFlagAreRead() throws {
        let catalog = try CatalogLoader.load(yaml: """
            services:
              vec:
                image: qdrant/qdrant:v1
                deploy: {replicas: 2, placement: {constraints: ["node.labels.gpu == true", "node.role != manager"]}}
                x-ailab: {swarm: true}
              plain:
                image: redis:7
            """, file: "f.yaml")
        let vec = catalog.services[0].primary.swarm
        #expect(vec == SwarmDeploy(enabled: true, replicas: 2, constraints: ["node.labels.gpu == true", "node.role != manager"]))
        #expect(catalog.services[1].primary.swarm == SwarmDeploy())
    }

    @Test func aConstraintWithoutAnOperatorIsAnErrorWithItsPlace() {
        var message = ""
        do {
            _ = try CatalogLoader.load(yaml: "services:\n  vec:\n    image: q:1\n    deploy: {placement: {constraints: [gpu]}}\n", file: "f.yaml")
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("f.yaml:4:") && message.contains("placement constraint 'gpu' needs == or !="), "\(message)")
    }

    @Test func placementAloneIsNoWarningButReplicasAreNotAppliedOnOneEngine() throws {
        let placed = try CatalogLoader.load(yaml: "services:\n  vec:\n    image: q:1\n    deploy: {placement: {constraints: [node.labels.gpu==true]}}\n", file: "f.yaml")
        #expect(!placed.warnings.map(\.description).contains { $0.contains("deploy") })
        let scaled = try CatalogLoader.load(yaml: "services:\n  vec:\n    image: q:1\n    deploy: {replicas: 3}\n", file: "f.yaml")
        #expect(scaled.warnings.map(\.description).contains { $0.contains("'deploy' is not applied") })
    }

    @Test func theBuiltInOllamaGoesToTheGPUNode() throws {
        let catalog = try Catalog.builtIn()
        #expect(catalog.service(named: "ollama")?.primary.swarm.constraints == ["node.labels.gpu == true"])
    }
}
