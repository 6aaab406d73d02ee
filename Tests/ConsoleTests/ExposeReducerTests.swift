import Canvas
@testable import Console
import ConsoleViews
import Foundation
import Testing
@testable import LabControl
@testable import LabExposure

/// `E` and `U` on the Exposure screen: plan, one question in a dialog, write only on yes. No engine.
@Suite struct ExposeReducerTests {
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .input(.key($0))) }
    }

    func exposureState() throws -> (AppState, String) {
        var state = try ConsoleFixtures.state()
        state.screen = .exposure
        state.refreshFrame()
        let service = try #require(state.exposureRows.first?.service)
        return (state, service)
    }

    func plan(_ service: String) -> ExposePlan {
        ExposePlan(
            service: service, hostname: "\(service).example.test", upstream: "http://\(service):8080", via: .cloudflared, tunnelService: "cloudflared",
            tunnelPublicName: "\(service).example.test", basicAuth: true, routeFile: "/srv/traefik/ailab-expose-\(service).yml",
            ingressFile: "/srv/cloudflared/config.yml", traefikURL: "http://traefik:80", providedSecrets: [], entryReach: ["all interfaces"],
            passwordFile: "/state/secrets/EXPOSE_PASSWORD")
    }

    @Test func exposeAsksTheQuestionAndWritesOnlyOnYes() throws {
        var (state, service) = try exposureState()
        #expect(press(&state, .char("E")) == [.planExpose(service: service)])
        let plan = plan(service)
        #expect(Reducer.reduce(&state, .exposePlanned(plan)).isEmpty)
        state.refreshFrame()
        let screen = ConsoleRenderer.render(state).text
        #expect(screen.contains("expose \(service) --via cloudflared"), "\(screen)")
        #expect(screen.contains("Expose \(service)?"), "\(screen)")
        #expect(screen.contains("y yes · n no"), "\(screen)")
        // While asked, other keys do nothing: no screen change, no other action.
        #expect(press(&state, .char("2"), .char("i")).isEmpty)
        #expect(state.screen == .exposure)
        #expect(press(&state, .char("n")).isEmpty)
        #expect(state.exposeDialog == nil)
        #expect(state.notice == "expose \(service): not confirmed; nothing was changed")

        _ = Reducer.reduce(&state, .exposePlanned(plan))
        #expect(press(&state, .char("y")) == [.applyExpose(plan)])
        #expect(state.exposeDialog == nil)
    }

    @Test func unexposeRunsAtOnceAndTheKeysBelongToTheExposureScreen() throws {
        var (state, service) = try exposureState()
        #expect(press(&state, .char("U")) == [.unexpose(service: service)])
        state.screen = .services
        state.refreshFrame()
        #expect(press(&state, .char("E")).isEmpty)
        #expect(KeyTable.defaults.command(for: .char("E"), in: .exposure) == .expose)
        #expect(KeyTable.defaults.command(for: .char("E"), in: .lists) == nil)
    }

    @Test func theScreenReadsTheLabsOwnFilesThroughTheJudge() throws {
        var (state, service) = try exposureState()
        let container = try #require(state.snapshot.status(of: service)?.containers.first)
        let route = TraefikRoute(router: "ailab-expose-\(service)", rule: "Host(`x.test`)", middlewares: ["auth"], authenticated: true)
        var extras = ExposureExtras()
        let port = try #require(state.exposureRows.first?.containerPort)
        extras.routes = [ExposureExtras.FileRoute(route: route, host: container.component ?? container.name, port: port)]
        _ = Reducer.reduce(&state, .exposureFiles(extras))
        #expect(state.exposureRows.first?.routes.contains(route) == true, "\(state.exposureRows.first?.routes ?? [])")
    }
}
