import Testing
import LabCatalog
@testable import LabControl

/// The built-in catalog stays safe by default, and `x-ailab.exposure` is read or refused clearly.
@Suite struct ExposureCatalogTests {
    @Test func theBuiltInCatalogPublishesNoDataStoreModelAPIOrAdminPortOnAllInterfaces() throws {
        let catalog = try Catalog.builtIn()
        let warnings = catalog.services.flatMap { service in service.components.flatMap { ExposurePreflight.warnings(for: $0, of: service) } }
        #expect(warnings == [])
        // And it has such ports to keep safe: the check above is not vacuous.
        let sensitive = catalog.services.flatMap { service in
            service.components.flatMap { c in c.ports.filter { c.exposure.kind(ofContainerPort: $0.container, layer: service.layer) != .app && c.exposure.kind(ofContainerPort: $0.container, layer: service.layer) != .entry } }
        }
        #expect(sensitive.count >= 10)
        #expect(sensitive.allSatisfy { $0.hostIP == "127.0.0.1" })
        let traefik = try #require(catalog.service(named: "traefik"))
        #expect(traefik.primary.exposure.kind(ofContainerPort: 8080, layer: traefik.layer) == .admin)
        #expect(traefik.primary.exposure.kind(ofContainerPort: 80, layer: traefik.layer) == .entry)
    }

    @Test func aUserCatalogPublishingADataStoreOnAllInterfacesIsWarnedNamingThePort() throws {
        let catalog = try CatalogLoader.load(yaml: """
            name: mine
            services:
              pg:
                image: postgres:17
                ports: ["5432:5432"]
                x-ailab: {layer: data}
              api:
                image: example/api:1
                ports: ["0.0.0.0:7000:7000", "127.0.0.1:7001:7001"]
                x-ailab: {layer: app, exposure: {ports: {7000: admin, 7001: admin}}}
              web:
                image: example/web:1
                ports: ["3000:3000"]
                x-ailab: {layer: app}
            """, file: "mine.yaml")
        let plan = ActionPlan(request: ActionRequest(.install, ["pg", "api", "web"]), entries: [
            PlanEntry(service: "pg", operation: .install(components: ["pg"])), PlanEntry(service: "api", operation: .install(components: ["api"])),
            PlanEntry(service: "web", operation: .install(components: ["web"])),
        ])
        let warnings = ExposurePreflight.warnings(for: plan, catalog: catalog)
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("pg would publish host port 5432/tcp (a data store) on all interfaces") == true)
        #expect(warnings.last?.contains("host port 7000/tcp (an admin interface)") == true)
    }

    @Test func aBadExposureIsAnErrorNamingTheLine() {
        #expect(throws: CatalogError.self) {
            try CatalogLoader.load(yaml: """
                name: bad
                services:
                  a:
                    image: example/a:1
                    x-ailab: {layer: app, exposure: {kind: public}}
                """, file: "bad.yaml")
        }
        do {
            _ = try CatalogLoader.load(yaml: "name: bad\nservices:\n  a:\n    image: example/a:1\n    x-ailab:\n      exposure: {ports: {web: admin}}\n", file: "bad.yaml")
            Issue.record("loaded")
        } catch {
            #expect("\(error)".contains("bad.yaml:6"))
            #expect("\(error)".contains("an exposure port must be a container port number"))
        }
    }
}
