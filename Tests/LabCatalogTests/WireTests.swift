import Foundation
@testable import LabCatalog
import Testing

/// `x-ailab.wires`: read with positions, refused when they go nowhere, applied only while the
/// other end is installed.
@Suite struct WireTests {
    static let yaml = """
        services:
          web:
            image: web:1
            environment: {STORE: local, KEEP: yes}
            x-ailab:
              layer: app
              wires:
                - to: vectors
                  environment: {STORE: vectors, VECTORS_URL: "http://vectors:6333"}
                - to: gateway
                  environment: [GATEWAY_URL=http://gateway:4000/v1]
          vectors:
            image: vectors:1
          gateway:
            image: gateway:1
        """

    /// The first error loading `yaml` gives, as CatalogErrorTests reads them.
    func diagnostic(_ yaml: String) -> CatalogDiagnostic? { CatalogErrorTests().error(yaml) }

    @Test func aWireAppliesOnlyWhileItsOtherEndIsInstalled() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "lab.yaml")
        #expect(catalog.warnings.map(\.description) == [])
        let web = try #require(catalog.service(named: "web"))
        #expect(web.primary.wiredTo == ["vectors", "gateway"])
        #expect(web.components(wiredTo: "vectors") == ["web"])
        let env = { (installed: Set<String>) in
            Dictionary(uniqueKeysWithValues: web.wired(to: installed).primary.environment.map { ($0.name, $0.value ?? "") })
        }
        #expect(env([]) == ["STORE": "local", "KEEP": "yes"])
        #expect(env(["vectors"]) == ["STORE": "vectors", "KEEP": "yes", "VECTORS_URL": "http://vectors:6333"])
        #expect(env(["vectors", "gateway"])["GATEWAY_URL"] == "http://gateway:4000/v1")
        // Applied wires leave the result: its config hash then tells wired from not.
        #expect(web.wired(to: ["vectors"]).primary.wires.isEmpty)
        // Wires are no dependency: web installs without the other ends.
        #expect(web.dependencies == [])
    }

    /// A wire's config file takes the place of the component's own at the same target.
    @Test func aWiresConfigFileReplacesTheOneAtItsTarget() throws {
        let yaml = """
            services:
              gateway:
                image: gateway:1
                configs: [{source: plain, target: /app/config.yaml}]
                x-ailab:
                  wires: [{to: tracer, environment: {TRACE: "on"}, configs: [{source: traced, target: /app/config.yaml}]}]
              tracer:
                image: tracer:1
            configs:
              plain: {content: "callbacks: []"}
              traced: {content: "callbacks: [tracer]"}
            """
        let gateway = try #require(try CatalogLoader.load(yaml: yaml, file: "lab.yaml").service(named: "gateway"))
        #expect(gateway.wired(to: []).primary.configs.map(\.content) == ["callbacks: []"])
        #expect(gateway.wired(to: ["tracer"]).primary.configs.map(\.content) == ["callbacks: [tracer]"])
        #expect(gateway.wired(to: ["tracer"]).primary.environment.map(\.name) == ["TRACE"])
    }

    @Test func aWireToNowhereOrToItselfIsRefusedWhereItIsWritten() throws {
        let nowhere = try #require(diagnostic(Self.yaml.replacingOccurrences(of: "- to: gateway", with: "- to: gatewya")))
        #expect(nowhere.message == "a wire goes to 'gatewya', which is not another lab service of this file")
        #expect((nowhere.line, nowhere.path) == (10, "services.web.x-ailab.wires[1].to"))
        let itself = try #require(diagnostic(Self.yaml.replacingOccurrences(of: "- to: gateway", with: "- to: web")))
        #expect(itself.message.contains("'web'"))
    }

    @Test func aWireNeedsSomethingToSetAndNoStrayKeys() throws {
        let empty = try #require(diagnostic(Self.yaml.replacingOccurrences(of: "[GATEWAY_URL=http://gateway:4000/v1]", with: "{}")))
        #expect(empty.message == "a wire sets at least one variable")
        let stray = try #require(diagnostic(Self.yaml.replacingOccurrences(of: "- to: gateway", with: "- to: gateway\n          labels: {a: b}")))
        #expect(stray.message == "unknown wire key 'labels' (to, environment, configs)")
    }
}
