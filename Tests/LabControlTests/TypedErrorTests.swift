@testable import DockerClient
import Foundation
@testable import LabControl
import LabModel
import Testing

/// Engine answers are judged by their type, never by their text: a 404 or 409 is known by
/// its case, a pull's layer by its phase, the banner's reason by the error it came from.
struct TypedErrorTests {
    @Test func refusalsAreKnownByTheirCaseWhateverTheirText() {
        #expect(ActionFailure(message: "delete volume v: gone", cause: .notFound("anything at all")).wasNotFound)
        #expect(!ActionFailure(message: "no such volume", cause: nil).wasNotFound)
        #expect(ActionFailure(message: "create network n", cause: .conflict("name taken")).wasConflict)
        #expect(!ActionFailure(message: "already exists", cause: .engine(status: 500, message: "already exists")).wasConflict)
    }

    @Test func layerPhasesComeFromTheEngineWordsOnce() {
        var pull = PullStatus(image: "x")
        pull.apply(PullProgress(status: "Downloading", id: "a", current: 50, total: 200))
        pull.apply(PullProgress(status: "Pull complete", id: "b"))
        pull.apply(PullProgress(status: "Something new", id: "c"))
        #expect(pull.layers.map(\.phase) == [.downloading, .done, .other])
        #expect(pull.finishedLayers == 1)
        #expect(pull.downloaded == 50)
    }

    @Test func planningErrorsExitByType() {
        #expect(ActionResult.exitCode(planning: DockerError.unreachable(endpoint: "unix:///x", reason: "refused")) == 2)
        #expect(ActionResult.exitCode(planning: DockerError.timeout(operation: "list", seconds: 5)) == 2)
        #expect(ActionResult.exitCode(planning: DockerError.engine(status: 500, message: "boom")) == 3)
        #expect(ActionResult.exitCode(planning: StateError(description: "secrets unreadable")) == 3)
    }

    @Test func theBannerReasonIsTheTypedErrorsWhyWithoutTheEndpoint() {
        let endpoint = DockerEndpoint.unix(path: "/run/x.sock")
        let down = EngineInfo.unreachable(endpoint, DockerError.unreachable(endpoint: endpoint.description, reason: "connection refused"))
        #expect(down.reason == "connection refused")
        #expect(down.error == "engine unreachable at \(endpoint.description): connection refused")
        let denied = EngineInfo.unreachable(endpoint, DockerError.permissionDenied(endpoint: endpoint.description))
        #expect(denied.reason == denied.error)
    }
}
