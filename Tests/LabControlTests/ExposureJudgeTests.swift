import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
@testable import LabExposure
@testable import LabReport
import Testing

/// `ExposureJudge` from hand-made containers: reach from bindings, routes from Traefik labels,
/// tunnels from the catalog, auth from one request, and the verdict each makes.
@Suite struct ExposureJudgeTests {
    static let yaml = """
        name: lab
        services:
          traefik:
            image: traefik:v3.7.10
            command: ["--providers.docker.exposedbydefault=false"]
            ports: ["80:80", "127.0.0.1:8080:8080"]
            x-ailab: {layer: public, exposure: {ports: {8080: admin}}}
          web:
            image: example/web:1
            ports: ["3000:8080"]
            x-ailab: {layer: app}
          db:
            image: postgres:17
            ports: ["5432:5432"]
            x-ailab: {layer: data}
          llm:
            image: example/llm:1
            ports: ["11434:11434"]
            x-ailab: {layer: gateway}
          panel:
            image: example/panel:1
            ports: ["9090:9090"]
            x-ailab: {layer: observability, exposure: {kind: admin, auth-path: /admin}}
          bore:
            image: ekzhang/bore:0.6.0
            command: ["local", "80", "--local-host", "traefik", "--to", "bore.pub"]
            x-ailab: {layer: public}
        """

    static func container(_ service: String, ip: String, host: Int, port: Int, labels: [String: String] = [:]) -> ContainerStatus {
        var container = Fixtures.container("lab-\(service)-1", service: service, ports: [PortBinding(ip: ip, privatePort: port, publicPort: host)])
        container.labels.merge(labels) { $1 }
        return container
    }

    func judge(_ containers: [ContainerStatus], auth: [String: AuthFinding] = [:]) throws -> [PortExposure] {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "exposure.yaml")
        return ExposureJudge.judge(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: containers), auth: auth)
    }

    @Test func aDataStoreOnLoopbackIsLocalAndOnAllInterfacesExposed() throws {
        let local = try judge([Self.container("db", ip: "127.0.0.1", host: 5432, port: 5432)])
        #expect(local.map(\.verdict) == [.local])
        #expect(local.first?.reach == .loopback)
        #expect(local.first?.kind == .dataStore)
        let open = try judge([Self.container("db", ip: "0.0.0.0", host: 5432, port: 5432)], auth: ["0.0.0.0:5432/tcp": .required(401)])
        #expect(open.first?.reach == .allInterfaces)
        // Credentials or not, a data store on the LAN is exposed.
        #expect(open.first?.verdict == .exposed)
        #expect(ExposureReport.problems(open) == ["db :5432: data store on all interfaces"])
    }

    @Test func aSpecificAddressIsBeyondLoopbackAndAModelAPIThereIsExposed() throws {
        let ports = try judge([Self.container("llm", ip: "192.168.7.2", host: 11434, port: 11434)])
        #expect(ports.first?.reach == .address("192.168.7.2"))
        #expect(ports.first?.verdict == .exposed)
        #expect(ports.first?.why == "model API on 192.168.7.2 without credentials")
        #expect(try judge([Self.container("llm", ip: "127.0.0.2", host: 11434, port: 11434)]).first?.verdict == .local)
    }

    @Test func anAdminInterfaceIsExposedUnlessItAsksForCredentials() throws {
        let panel = Self.container("panel", ip: "0.0.0.0", host: 9090, port: 9090)
        #expect(try judge([panel], auth: ["0.0.0.0:9090/tcp": .open(200)]).first?.verdict == .exposed)
        #expect(try judge([panel], auth: ["0.0.0.0:9090/tcp": .noAnswer("refused")]).first?.verdict == .exposed)
        let asked = try judge([panel], auth: ["0.0.0.0:9090/tcp": .required(401)])
        #expect(asked.first?.verdict == .protected)
        #expect(asked.first?.auth.text == "asks (401)")
    }

    @Test func aWebAppOnTheLanIsOpenNotAFailure() throws {
        let ports = try judge([Self.container("web", ip: "0.0.0.0", host: 3000, port: 8080)], auth: ["0.0.0.0:3000/tcp": .open(200)])
        #expect(ports.first?.verdict == .open)
        #expect(ExposureReport.problems(ports).isEmpty)
    }

    @Test func traefikRoutesAreReadFromLabelsWithTheirAuthMiddleware() throws {
        let traefik = Fixtures.container("lab-traefik-1", service: "traefik", image: "traefik:v3.7.10", ports: [
            PortBinding(ip: "0.0.0.0", privatePort: 80, publicPort: 80), PortBinding(ip: "127.0.0.1", privatePort: 8080, publicPort: 8080),
        ])
        let db = Self.container("db", ip: "127.0.0.1", host: 5432, port: 5432, labels: [
            "traefik.enable": "true", "traefik.http.routers.db.rule": "Host(`db.localhost`)",
            "traefik.http.services.db.loadbalancer.server.port": "5432",
        ])
        let web = Self.container("web", ip: "127.0.0.1", host: 3000, port: 8080, labels: [
            "traefik.enable": "true", "traefik.http.routers.web.rule": "Host(`web.localhost`)", "traefik.http.routers.web.middlewares": "login@docker",
            "traefik.http.middlewares.login.basicauth.users": "me:$apr1$x", "traefik.http.services.web.loadbalancer.server.port": "8080",
        ])
        let ignored = Self.container("panel", ip: "127.0.0.1", host: 9090, port: 9090, labels: ["traefik.http.routers.p.rule": "Host(`p`)"])
        let ports = try judge([traefik, db, web, ignored])
        let byService = Dictionary(grouping: ports, by: \.service)
        #expect(byService["db"]?.first?.routes.map(\.rule) == ["Host(`db.localhost`)"])
        #expect(byService["db"]?.first?.verdict == .exposed)
        #expect(byService["web"]?.first?.routes.first?.authenticated == true)
        #expect(byService["web"]?.first?.verdict == .protected)
        // Not enabled while Traefik's exposedbydefault is off: no route.
        #expect(byService["panel"]?.first?.routes == [])
        #expect(byService["traefik"]?.map(\.kind) == [.entry, .admin])
        #expect(byService["traefik"]?.map(\.verdict) == [.open, .local])
    }

    @Test func aTunnelToTraefikCarriesEveryRoutedPort() throws {
        let traefik = Fixtures.container("lab-traefik-1", service: "traefik", image: "traefik:v3.7.10", ports: [
            PortBinding(ip: "127.0.0.1", privatePort: 80, publicPort: 80),
        ])
        let bore = Fixtures.container("lab-bore-1", service: "bore", image: "ekzhang/bore:0.6.0")
        let web = Self.container("web", ip: "127.0.0.1", host: 3000, port: 8080, labels: [
            "traefik.enable": "true", "traefik.http.routers.web.rule": "PathPrefix(`/`)", "traefik.http.services.web.loadbalancer.server.port": "8080",
        ])
        let ports = try judge([traefik, bore, web], auth: ["127.0.0.1:3000/tcp": .open(200)])
        let row = try #require(ports.first { $0.service == "web" })
        #expect(row.tunnels == [TunnelPath(tunnel: "bore", target: "traefik:80", publicName: "bore.pub")])
        #expect(row.verdict == .open)
        #expect(row.why == "web app routed by Traefik (PathPrefix(`/`)), without credentials")
        #expect(ports.first { $0.service == "traefik" }?.tunnels.map(\.tunnel) == ["bore"])
    }

    @Test func statusJSONCarriesExposureOnEveryPortAndNullWhenNotInstalled() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "exposure.yaml")
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [Self.container("db", ip: "0.0.0.0", host: 5432, port: 5432)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(StatusReport(snapshot).json().utf8)) as? [String: Any])
        let services = try #require(json["services"] as? [[String: Any]])
        let db = try #require(services.first { $0["name"] as? String == "db" })
        let port = try #require((db["ports"] as? [[String: Any]])?.first)
        #expect(Set(port.keys) == ["host", "container", "protocol", "hostIp", "exposure"])
        let exposure = try #require(port["exposure"] as? [String: Any])
        #expect(exposure["verdict"] as? String == "exposed")
        #expect(exposure["reach"] as? String == "all-interfaces")
        #expect(Set(exposure.keys) == ["kind", "reach", "address", "routes", "tunnels", "auth", "verdict", "why"])
        let container = try #require((db["containers"] as? [[String: Any]])?.first?["ports"] as? [[String: Any]])
        #expect((container.first?["exposure"] as? [String: Any])?["kind"] as? String == "data-store")
        let web = try #require(services.first { $0["name"] as? String == "web" })
        #expect((web["ports"] as? [[String: Any]])?.first?["exposure"] is NSNull)
    }
}
