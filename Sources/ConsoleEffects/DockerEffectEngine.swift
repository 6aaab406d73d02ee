import DockerClient
import LabExposure
import LabModel

/// The effects' engine for real: the lab's `DockerClient`, port checks through `PortProbe`,
/// credential checks through `AuthChecker` (both at each service's engine's address, `PortAddress`).
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

    public func listening(_ targets: [PortProbe.Target]) async -> [PortProbe.Target: Bool] { await PortProbe.listening(targets) }

    public func checkExposure(_ snapshot: LabSnapshot) async -> (findings: [String: AuthFinding], unchecked: String) {
        let checker = AuthChecker()
        return (await checker.check(snapshot), checker.uncheckedReason)
    }
}
