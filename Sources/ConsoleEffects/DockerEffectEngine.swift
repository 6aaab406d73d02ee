import DockerClient
import LabExposure
import LabModel

/// The effects' engine for real: the lab's `DockerClient`, host port checks through
/// `PortProbe`, credential checks through `AuthChecker` (both behind the client's transport).
public struct DockerEffectEngine: EffectEngine {
    public let client: DockerClient

    public init(client: DockerClient) { self.client = client }

    public func stats(_ id: String) async throws -> EngineStream<ContainerStats> {
        try await client.streamStats(id)
    }

    public func logs(_ id: String, _ query: LogQuery) async throws -> EngineStream<LogChunk> {
        try await client.logs(id, query)
    }

    public func inspectDocument(_ id: String) async throws -> [UInt8] { try await client.inspectDocument(id) }

    public func listening(_ ports: [Int]) async -> [Int: Bool] { await PortProbe.listening(ports) }

    public func checkExposure(_ snapshot: LabSnapshot) async -> (findings: [String: AuthFinding], unchecked: String) {
        let checker = AuthChecker(endpoint: client.endpoint)
        return (await checker.check(snapshot), checker.uncheckedReason)
    }
}
