import LabModel
import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl
import LabLive
import LabExposure

/// Everything that can change the console's state.
public enum ConsoleEvent: Sendable {
    case input(InputEvent)
    case lab(LabUpdate)
    case stats(containerID: String, StatsSample)
    case logLines([LogLine])
    case logsEnded(reason: String?)
    case portProbes([PortTarget: Bool])
    /// One unauthenticated request's answer per published port (`ExposureJudge.authKey`), and
    /// why the others have none.
    case exposureChecked([String: AuthFinding], unchecked: String)
    /// The lab's own route and tunnel files, read again; an expose plan to ask about.
    case exposureFiles(ExposureExtras)
    case exposePlanned(ExposePlan)
    /// The state file as it now is (after checks ran, a mark, or a first-healthy note).
    case labState(LabState)
    case stateError(String)
    /// The plan for the action in hand, as the engine now stands.
    case actionPlanned(ActionPlan)
    /// The plan could not be made (the engine is unreachable).
    case actionUnavailable(String)
    case actionStep(ActionEvent)
    case actionFinished(ActionResult)
    /// Something to tell the person in the footer (a file saved, say).
    case notice(String)
    /// A minute has passed: ages move on.
    case tick(Date)
    /// The last lines of a service's stopped containers, for its Detail.
    case detailTail(service: String, [LogLine])
    /// A container's inspect document as lines (secrets masked), or why there is none.
    case inspectDocument(containerID: String, lines: [String])
    /// The GPUs as NVML now reports them (only on a host that has NVML).
    case gpu(GPUReading)
}

/// What the reducer asks the outside world to do; the run loop performs it.
public enum Effect: Sendable, Equatable {
    case quit
    /// Follow the logs of these containers (id, name), replacing any earlier follow.
    case followLogs(service: String, containers: [ContainerRef], window: LogWindow = .recent)
    /// Write these (already masked) lines to a file of the state directory and say where.
    case saveLogs(service: String, lines: [String])
    case stopLogs
    /// Stream stats for exactly these containers (stopping the others).
    case watchStats(Set<String>)
    /// TCP-connect to these ports, each at its engine's address (`PortRow.target`), and report which answer.
    case probePorts([PortTarget])
    /// Send each published port one unauthenticated request (the Exposure screen's auth).
    case checkExposure
    /// Plan `ailab expose` for a service (the first installed tunnel that carries it), write a
    /// confirmed plan, or take a service's exposure back.
    case planExpose(service: String)
    case applyExpose(ExposePlan)
    case unexpose(service: String)
    /// Run the roadmap's automatic checks and record the results.
    case runChecks
    case setMark(metric: String, met: Bool)
    /// Record first-healthy times for services healthy for the first time.
    case noteHealthy
    /// Read the engine and work out (and preflight) this action.
    case planAction(ActionRequest)
    /// Carry out this confirmed plan, posting each step.
    case runAction(ActionPlan)
    /// Stop the running action at its next step.
    case cancelAction
    /// Read the last lines these (stopped) containers wrote, for a service's Detail.
    case fetchTail(service: String, containers: [ContainerRef])
    /// Read this container's inspect document.
    case fetchInspect(ContainerRef)
    /// Hand the terminal to a shell in this container (any container, of the lab or not) and
    /// take it back when the shell exits; the run loop does it, as it owns the terminal.
    case openShell(containerID: String, name: String)
}

/// A container by id and name: the same value an action on one container names.
public typealias ContainerRef = ContainerTarget

/// One sample of a container's resource use; network and block I/O are running totals.
public struct StatsSample: Sendable, Equatable {
    public var cpuPercent: Double?
    public var memoryBytes: UInt64
    public var memoryLimit: UInt64
    public var networkRx: UInt64
    public var networkTx: UInt64
    public var blockRead: UInt64
    public var blockWrite: UInt64
    /// When the engine took it.
    public var at: Date?

    public init(
        cpuPercent: Double?, memoryBytes: UInt64, memoryLimit: UInt64, networkRx: UInt64 = 0, networkTx: UInt64 = 0,
        blockRead: UInt64 = 0, blockWrite: UInt64 = 0, at: Date? = nil
    ) {
        self.cpuPercent = cpuPercent
        self.memoryBytes = memoryBytes
        self.memoryLimit = memoryLimit
        self.networkRx = networkRx
        self.networkTx = networkTx
        self.blockRead = blockRead
        self.blockWrite = blockWrite
        self.at = at
    }
}

/// One line of a container's output.
public struct LogLine: Sendable, Equatable {
    public var time: Date?
    public var container: String
    public var stream: LogSource
    public var text: String
    /// Not the container's output: ailab's own note ("its log ends here"), kept in time order.
    public var marker: Bool

    public init(time: Date?, container: String, stream: LogSource, text: String, marker: Bool = false) {
        self.time = time
        self.container = container
        self.stream = stream
        self.text = text
        self.marker = marker
    }
}

/// Which of a container's outputs a line came from.
public enum LogSource: Sendable, Equatable {
    case stdout, stderr
}
