@testable import LabCatalog
import Testing

/// The lab's domain (`x-ailab.domain`, default localhost) names every Traefik route; the
/// environment's AILAB_DOMAIN overrides it, as any compose variable.
@Suite struct LabDomainTests {
    func rule(_ catalog: Catalog, _ service: String) -> String? {
        catalog.service(named: service)?.primary.labels["traefik.http.routers.\(service).rule"]
    }

    @Test func theBuiltInCatalogRoutesUnderLocalhostUnlessTheEnvironmentSaysOtherwise() throws {
        let builtIn = try Catalog.builtIn()
        #expect(rule(builtIn, "open-webui") == "Host(`open-webui.localhost`)")
        #expect(builtIn.warnings.isEmpty)
        let renamed = try ComposeProject.builtIn(CatalogOptions(environment: ["AILAB_DOMAIN": "lab.home"])).catalog
        #expect(rule(renamed, "open-webui") == "Host(`open-webui.lab.home`)")
        #expect(rule(renamed, "grafana") == "Host(`grafana.lab.home`)")
    }

    static func yaml(domain: String) -> String {
        """
        name: lab
        services:
          web:
            image: example/web:1
            labels:
              traefik.http.routers.web.rule: Host(`web.${AILAB_DOMAIN}`)
            x-ailab: {layer: app}
        x-ailab:
          domain: \(domain)
        """
    }

    @Test func aCatalogNamesItsOwnDomain() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml(domain: "ai.example.org"), file: "lab.yaml")
        #expect(rule(catalog, "web") == "Host(`web.ai.example.org`)")
        let overridden = try CatalogLoader.load(yaml: Self.yaml(domain: "ai.example.org"), file: "lab.yaml", environment: ["AILAB_DOMAIN": "x.test"])
        #expect(rule(overridden, "web") == "Host(`web.x.test`)")
    }

    @Test func aDomainThatIsNotOneIsRefusedWhereItIsWritten() throws {
        do {
            _ = try CatalogLoader.load(yaml: Self.yaml(domain: "\"a b\""), file: "lab.yaml")
            Issue.record("a domain with a space loaded")
        } catch {
            #expect(error.diagnostics.first?.description == "lab.yaml:9:11: x-ailab.domain: 'a b' is not a domain name (letters, digits, - and .)")
        }
    }
}
