import Foundation
@testable import LabCatalog
import Testing

/// Bad catalogs fail with file:line:column and what was expected; odd ones warn.
@Suite struct CatalogErrorTests {
    func error(_ yaml: String) -> CatalogDiagnostic? {
        do {
            _ = try CatalogLoader.load(yaml: yaml, file: "lab.yaml")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() throws {
        let found = try #require(error("services:\n  web:\n    image: [unclosed\n"))
        #expect(found.file == "lab.yaml")
        #expect(found.line == 4)
        #expect(found.message.hasPrefix("YAML syntax"))
        #expect(found.description.hasPrefix("lab.yaml:4:"))
    }

    @Test func anUnknownLayerNamesTheChoices() throws {
        let found = try #require(error("services:\n  web:\n    image: x\n    x-ailab:\n      layer: frontend\n"))
        #expect((found.line, found.column) == (5, 14))
        #expect(found.path == "services.web.x-ailab.layer")
        #expect(found.message == "unknown layer 'frontend': expected one of public, app, gateway, data, observability")
    }

    @Test(arguments: [
        ("services:\n  web:\n    image: x\n    ports: [\"80:99999\"]\n", "is not a port number"),
        ("services:\n  web:\n    image: x\n    depends_on: [db]\n", "depends_on names 'db'"),
        ("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n", "dependency cycle: a → b → a"),
        ("services:\n  a:\n    image: x\n    x-ailab: {part-of: nope}\n", "part-of names 'nope'"),
        ("services:\n  a:\n    image: x\n    healthcheck: {test: [\"RUN\", \"x\"]}\n", "must start with CMD"),
        ("services:\n  a:\n    image: x\n    healthcheck: {test: x, interval: soon}\n", "expected a duration"),
        ("services:\n  a:\n    image: x\n    x-ailab: {phase: one}\n", "expected a whole number, found 'one'"),
        ("services:\n  a:\n    image: x\n    x-ailab: {probe: {path: /h}}\n", "the probe needs a port"),
        ("services: [a, b]\n", "expected a mapping, found a list"),
        ("name: My Lab\nservices: {}\n", "is not a compose project name"),
        ("version: '3'\n", "missing 'services'"),
        ("", "the file is empty"),
        ("services:\n  a:\n    image: x\nx-ailab:\n  roadmap:\n    phases:\n      - {number: 1, title: T, items: [{service: ghost}]}\n", "'ghost' is not a service"),
        ("services:\n  a:\n    image: x\nx-ailab:\n  roadmap:\n    metrics:\n      - {id: g, title: G, phases: [1], items: [{id: m, text: t, check: {ping: a}}]}\n", "unknown check 'ping'"),
    ])
    func badFilesFailClearly(yaml: String, message: String) throws {
        let found = try #require(error(yaml), "expected an error containing \(message)")
        #expect(found.message.contains(message), "\(found)")
        #expect(found.line >= 1 && found.column >= 1)
    }

    @Test func aPlainComposeFileIsAValidCatalogWithWarningsForWhatItCannotApply() throws {
        let catalog = try CatalogLoader.load(yaml: """
            version: "3.8"
            name: shop
            services:
              api:
                image: shop/api:2
                ports: ["127.0.0.1:9000:9000/tcp", "7000-7001:7000-7001"]
                environment: ["MODE=prod", "TOKEN"]
                deploy: {replicas: 2}
                frobnicate: true
              db:
                image: postgres:16
                depends_on: {api: {condition: service_started}}
                healthcheck:
                  test: pg_isready
                  interval: 1m30s
                  timeout: 500ms
            """, file: "compose.yaml")
        #expect(catalog.name == "shop")
        #expect(catalog.services.map(\.name) == ["api", "db"])
        #expect(catalog.services.allSatisfy { $0.layer == nil && $0.phase == nil })
        let api = catalog.services[0]
        #expect(api.ports == [
            PortSpec(host: 9000, container: 9000, hostIP: "127.0.0.1"), PortSpec(host: 7000, container: 7000), PortSpec(host: 7001, container: 7001),
        ])
        #expect(api.primary.environment == [EnvVar(name: "MODE", value: "prod"), EnvVar(name: "TOKEN", value: nil)])
        #expect(catalog.services[1].primary.healthcheck == HealthcheckSpec(test: ["CMD-SHELL", "pg_isready"], interval: 90, timeout: 0.5))
        #expect(catalog.services[1].dependencies == ["api"])
        let warnings = catalog.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("compose.yaml:1:10:") && $0.contains("'version' is obsolete") })
        #expect(warnings.contains { $0.contains("'deploy' is not applied (1 service)") })
        #expect(warnings.contains { $0.contains("unknown compose key 'frobnicate'") && $0.hasPrefix("compose.yaml:9:") })
    }

    @Test func placedByXAilabFields() throws {
        let catalog = try CatalogLoader.load(yaml: "services:\n  vec:\n    image: qdrant/qdrant\n    x-ailab: {layer: data, phase: 1}\n", file: "f")
        #expect(catalog.name == "ailab")
        #expect(catalog.services[0].layer == .data && catalog.services[0].phase == 1)
    }

    @Test func portClashesAreWarnings() throws {
        let catalog = try CatalogLoader.load(yaml: "services:\n  a: {image: x, ports: ['3000:80']}\n  b: {image: y, ports: ['3000:8080']}\n", file: "f")
        #expect(catalog.warnings.map(\.message) == ["host port 3000/tcp is also published by 'a': they cannot run together"])
    }

    @Test func choosesTheCatalogFileByOptionThenEnvironmentThenXDG() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-xdg-\(UUID())")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("ailab"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        func paths(_ files: [String], _ environment: [String: String]) -> [String] {
            Catalog.userCatalogPaths(CatalogOptions(files: files, environment: environment, workingDirectory: config.path))
        }
        #expect(paths([], ["XDG_CONFIG_HOME": config.path]) == [])
        let file = config.appendingPathComponent("ailab/lab.yaml").path
        try "services: {}\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(paths([], ["XDG_CONFIG_HOME": config.path]) == [file])
        #expect(paths([], ["XDG_CONFIG_HOME": config.path, "AILAB_CATALOG": "/e.yaml"]) == ["/e.yaml"])
        #expect(paths(["/o.yaml"], ["AILAB_CATALOG": "/e.yaml"]) == ["/o.yaml"])
        // A compose file from the working directory upwards comes before the XDG file.
        let compose = config.appendingPathComponent("compose.yaml").path
        try "services: {}\n".write(toFile: compose, atomically: true, encoding: .utf8)
        #expect(paths([], ["XDG_CONFIG_HOME": config.path]) == [compose])
        #expect(throws: CatalogError.self) { try Catalog.load(path: "/no/such/lab.yaml") }
    }

    @Test func durationsAndCommands() throws {
        func value(_ text: String) throws -> YAMLValue { try CatalogLoader.compose(text, file: "t") }
        #expect(try ComposeSyntax.duration(value("1h2m3s")) == 3723)
        #expect(try ComposeSyntax.duration(value("250ms")) == 0.25)
        #expect(try ComposeSyntax.duration(value("15")) == 15)
        #expect(try ComposeSyntax.command(value("\"sh -c 'echo hi there'\"")) == ["sh", "-c", "echo hi there"])
    }
}
