import Canvas
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl
import LabModel
import LabLive
import LabExposure

/// The whole state of the console: one value, drawn as is by the views.
public struct AppState: Sendable {
    public var snapshot: LabSnapshot
    public var screen: Screen = .layers
    public var overlay: Overlay?
    /// The selected service, by name (stable while the list re-sorts).
    public var selected: String?
    /// The selected row of the Ports screen (rows are ports, not services).
    public var portRow = 0
    /// The selected row of the Exposure screen, and what the last unauthenticated requests got
    /// (`unchecked`: why a port has no answer yet).
    public var exposureRow = 0
    public var exposureAuth: [String: AuthFinding] = [:]
    public var exposureUnchecked = "not yet"
    /// Routes and tunnels of the lab's own files (`ExposureExtras`), and the expose plan being asked about.
    public var exposureExtras = ExposureExtras()
    public var exposeDialog: ExposePlan?
    public var filter = ""
    public var editingFilter = false
    /// The command palette's line while it is open (`:`), and what Tab last offered.
    public var palette: String?
    public var paletteCandidates: [String] = []
    public var sort = ServiceSort.layer
    public var sortDescending = false
    public var events: [LabEvent] = []
    public var eventScroll = 0
    /// The Containers screen's selected container, by id (stable while the list re-sorts).
    public var selectedContainer: String?
    /// The Map screen's first edge row shown.
    public var mapScroll = 0
    public var stats: [String: StatsSample] = [:]
    /// Recent samples per container id, for sparklines and I/O rates.
    public var history: [String: StatsHistory] = [:]
    /// Which ports answered a connect, at the address each was asked (`PortRow.target`).
    public var listening: [PortTarget: Bool] = [:]
    /// The GPUs' latest reading through NVML; nil on a host without it (then nothing shows).
    public var gpu: GPUReading?
    public var logs = LogsState()
    public var inspect = InspectState()
    public var glyphs: Glyphs
    public var width: Int
    public var height: Int
    /// The clock that ages are shown against: the newest snapshot's time, moved on by a tick
    /// once a minute, so an idle console redraws at most a few cells a minute.
    public var now: Date
    /// The state file's content: marks, check results, first-healthy times.
    public var labState = LabState()
    public var roadmapByPriority = false
    /// The selected row of the Roadmap screen.
    public var roadmapRow = 0
    public var checksRunning = false
    /// Services whose first healthy moment has been sent to the state file already.
    public var healthNoted: Set<String> = []
    /// A problem to show in the footer until the next key (a state-file error, say).
    public var notice: String?
    /// The action being planned, confirmed or run.
    public var action: ActionState?
    /// This session's action steps, oldest first (also kept in the state dir's actions.log).
    public var actionLog: [ActionEvent] = []
    /// How far the Detail overlay is scrolled, and the last log lines of its stopped containers.
    public var detailScroll = 0
    public var detailTail: [LogLine] = []
    /// How far the help overlay is scrolled (in rows).
    public var helpScroll = 0
    /// The key bindings in force: the defaults with the person's key-map file applied.
    public var keys = KeyTable.defaults
    /// Which component of a multi-container service to open a shell in (`e`), while asked.
    public var shellChooser: ShellChooser?
    /// Times are shown in this zone (tests fix it; people see their own).
    /// nil: the system's local time (`DateText.utcOffset`); tests fix a zone.
    public var timeZone: TimeZone? = nil
    /// Layout and rows derived from everything above; `Reducer.reduce` refreshes it after each
    /// event. Whoever changes the state by hand calls `refreshFrame()` before drawing.
    public private(set) var frame: Frame!

    public static let eventLimit = 500
    public static let actionLogLimit = 500

    public init(snapshot: LabSnapshot, glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24) {
        self.snapshot = snapshot
        now = snapshot.takenAt
        self.glyphs = glyphs
        self.width = width
        self.height = height
        selected = snapshot.services.first?.service.name
        refreshFrame()
    }

    public mutating func refreshFrame() { frame = Frame(self) }
}

/// The Services screen's sort orders.
public enum ServiceSort: String, CaseIterable, Sendable {
    case layer, name, condition, age, cpu, memory, uptime
}

/// The log view: which service, its lines, search and position.
public struct LogsState: Sendable {
    public var service: String?
    public var lines: [LogLine] = []
    public var search = ""
    public var editingSearch = false
    /// Lines scrolled up from the bottom; 0 follows new output.
    public var scrollBack = 0
    public var ended: String?
    /// The containers being followed, so a recreated one is noticed.
    public var followed: Set<String> = []
    /// Long lines wrap onto the next rows (w), times are shown (t), how far back (s).
    public var wrap = false
    public var timestamps = true
    public var window = LogWindow.recent

    public static let lineLimit = 5000

    public init() {}

    public var following: Bool { scrollBack == 0 }
}
