import DockerClient
import LabExposure
import LabModel

/// What the console's effects ask of the engine and of the lab's host. `DockerEffectEngine`
/// answers for real; a test's fake stands in, so the effect runner is tested without an engine.
public protocol EffectEngine: Sendable {
    /// A container's stats, one sample a second, until it stops or the task is cancelled.
    func stats(_ id: String) async throws -> EngineStream<ContainerStats>
    /// A container's output (followed or not, as `query` says), as the engine frames it.
    func logs(_ id: String, _ query: LogQuery) async throws -> EngineStream<LogChunk>
    /// The engine's inspect answer as is, for the Inspect screen.
    func inspectDocument(_ id: String) async throws -> [UInt8]
    /// Which of `targets` take a connection now (each at its engine's address, `PortAddress`).
    func listening(_ targets: [PortProbe.Target]) async -> [PortProbe.Target: Bool]
    /// Which published ports ask for credentials, and why the others were not asked.
    func checkExposure(_ snapshot: LabSnapshot) async -> (findings: [String: AuthFinding], unchecked: String)
}
