import Foundation
@testable import LabCatalog
import Testing

/// Compose's `configs`: files read relative to the catalog, mounted where the service says,
/// refused clearly when they cannot be; and the built-in catalog's own.
@Suite struct ConfigFileTests {
    static func yaml(service: String, table: String) -> String {
        "services:\n  web:\n    image: web:1\n    configs:\n\(service)\nconfigs:\n\(table)\n"
    }

    func load(_ yaml: String, directory: String) throws -> Catalog { try CatalogLoader.load(yaml: yaml, file: "lab.yaml", directory: directory) }

    @Test func filesAreReadBesideTheCatalogAndMountedWhereTheServiceSays() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-configs-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory + "/config", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "scrape: 30s\n".write(toFile: directory + "/config/p.yml", atomically: true, encoding: .utf8)
        let catalog = try load(Self.yaml(
            service: "      - {source: prom, target: /etc/p.yml}\n      - inline",
            table: "  prom:\n    file: ./config/p.yml\n  inline:\n    content: \"a: 1\""), directory: directory)
        #expect(catalog.warnings.map(\.description) == [])
        #expect(catalog.service(named: "web")?.primary.configs == [
            ConfigFile(name: "prom", target: "/etc/p.yml", content: "scrape: 30s\n"), ConfigFile(name: "inline", target: "/inline", content: "a: 1"),
        ])
    }

    @Test func aMissingFileOrNameIsRefusedWhereItIsWritten() throws {
        let missing = try #require(CatalogErrorTests().error(Self.yaml(service: "      - prom", table: "  prom:\n    file: ./nowhere.yml")))
        #expect(missing.message.hasPrefix("config 'prom': no readable file at "))
        #expect(missing.path == "configs.prom.file")
        let unknown = try #require(CatalogErrorTests().error(Self.yaml(service: "      - grafana", table: "  prom:\n    content: x")))
        #expect(unknown.message == "config 'grafana' is not in the top-level configs")
        #expect(unknown.line == 5)
        let relative = try #require(CatalogErrorTests().error(Self.yaml(service: "      - {source: prom, target: etc/p}", table: "  prom:\n    content: x")))
        #expect(relative.message == "a config target must be an absolute path")
    }

    /// A user's copy of the built-in catalog, elsewhere and without config/, still finds the files.
    @Test func aCopyOfTheBuiltInCatalogFindsItsShippedFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-copy-\(UUID().uuidString).yaml").path
        try #require(BuiltInFiles.files["lab.yaml"]).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let copy = try Catalog.load(path: path)
        #expect(copy.services.flatMap(\.components).first { $0.name == "litellm" }?.configs.first?.content == (try Catalog.builtIn())
            .services.flatMap(\.components).first { $0.name == "litellm" }?.configs.first?.content)
    }

    /// LiteLLM → Ollama, Prometheus's scrape jobs, Grafana → Prometheus and Loki.
    @Test func theBuiltInCatalogShipsItsConfigFiles() throws {
        let catalog = try Catalog.builtIn()
        let file = { (component: String, target: String) throws -> String in
            let config = catalog.services.flatMap(\.components).first { $0.name == component }?.configs.first { $0.target == target }
            return try #require(config, "\(component) mounts nothing at \(target)").content
        }
        let litellm = try file("litellm", "/app/config.yaml")
        #expect(litellm.contains("model: \"ollama/*\"") && litellm.contains("api_base: http://ollama:11434"))
        #expect(litellm.contains("master_key: os.environ/LITELLM_MASTER_KEY"))
        #expect(catalog.service(named: "litellm")?.primary.command?.starts(with: ["--config", "/app/config.yaml"]) == true)
        let prometheus = try file("prometheus", "/etc/prometheus/prometheus.yml")
        for target in ["traefik:8080", "qdrant:6333", "grafana:3000", "loki:3100", "milvus:9091", "n8n:5678", "weaviate:2112", "prometheus-cadvisor:8080", "prometheus-node-exporter:9100"] {
            #expect(prometheus.contains("\"\(target)\""), "prometheus does not scrape \(target)")
        }
        // The services scraped because the lab turns their metrics on.
        let environment = { (name: String, key: String) in catalog.services.flatMap(\.components).first { $0.name == name }?.environment.first { $0.name == key }?.value }
        #expect(environment("n8n", "N8N_METRICS") == "true")
        #expect(environment("weaviate", "PROMETHEUS_MONITORING_ENABLED") == "true")
        // Container and host metrics come with Prometheus, read-only on the host.
        #expect(catalog.service(named: "prometheus")?.components.map(\.name) == ["prometheus", "prometheus-cadvisor", "prometheus-node-exporter"])
        let hostMounts = catalog.services.flatMap(\.components).filter { $0.name.hasPrefix("prometheus-") }.flatMap(\.volumes)
        #expect(!hostMounts.isEmpty && hostMounts.allSatisfy(\.readOnly))
        let grafana = try file("grafana", "/etc/grafana/provisioning/datasources/lab.yaml")
        #expect(grafana.contains("url: http://prometheus:9090") && grafana.contains("url: http://loki:3100"))
        let provider = try file("grafana", "/etc/grafana/provisioning/dashboards/lab.yaml")
        #expect(provider.contains("path: /etc/grafana/provisioning/dashboards/lab"))
        let dashboard = try JSONSerialization.jsonObject(with: Data(try file("grafana", "/etc/grafana/provisioning/dashboards/lab/lab.json").utf8)) as? [String: Any]
        let uids = Set(((dashboard?["panels"] as? [[String: Any]]) ?? []).compactMap { ($0["datasource"] as? [String: String])?["uid"] })
        #expect(uids == ["lab-prometheus", "lab-loki"], "the dashboard reads both provisioned data sources")
        // Logs of every container → Loki, through Alloy beside it.
        let alloy = try file("loki-alloy", "/etc/alloy/config.alloy")
        #expect(alloy.contains("url = \"http://loki:3100/loki/api/v1/push\""))
        #expect(catalog.service(ofComponent: "loki-alloy")?.name == "loki")
        #expect(catalog.services.flatMap(\.components).first { $0.name == "loki-alloy" }?.volumes.contains { $0.target == "/var/run/docker.sock" && $0.readOnly } == true)
    }
}
