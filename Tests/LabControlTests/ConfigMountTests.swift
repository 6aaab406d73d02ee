import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// A config file reaches the container read-only from the lab's config directory, is written
/// there before the container is made, and its content counts in the config hash.
struct ConfigMountTests {
    static let yaml = """
        name: lab
        services:
          prom:
            image: prom:1
            configs: [{source: scrape, target: /etc/prometheus/prometheus.yml}]
        configs:
          scrape:
            content: "scrape_configs: []"
        """

    @Test func theFileIsWrittenUnderTheConfigDirectoryAndMountedReadOnly() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-config-mount-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "lab.yaml")
        let runner = ActionRunner(
            client: DockerClient(endpoint: try DockerEndpoint.parse("unix:///nonexistent.sock"), requestTimeout: .seconds(1)),
            catalog: catalog, resolver: VariableResolver(catalog: catalog, secrets: SecretStore(stateDirectory: state)), log: nil)
        var blueprint = ContainerBlueprint(service: "prom", component: catalog.services[0].primary, project: "lab", catalogDirectory: "/")
        blueprint.configDirectory = runner.configDirectory
        #expect(runner.configDirectory == state + "/configs")

        try runner.writeConfigs(blueprint, service: "prom", ActionReporter(action: .install, secrets: runner.resolver.secrets, log: nil) { _ in })
        let path = state + "/configs/lab/scrape"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "scrape_configs: []")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        let spec = try blueprint.spec(network: "lab_default") { text, _ in text }
        #expect(spec.hostConfig.binds == ["\(path):/etc/prometheus/prometheus.yml:ro"])
    }

    @Test func anEditedFileChangesTheConfigHash() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "lab.yaml")
        var edited = catalog.services[0].primary
        edited.configs[0].content += "\n# one more line"
        #expect(ContainerBlueprint.hash(of: edited) != ContainerBlueprint.hash(of: catalog.services[0].primary))
    }
}
