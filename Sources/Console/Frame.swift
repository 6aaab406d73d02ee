import Canvas
import LabModel
import LabExposure

/// Everything drawing and clicking share, derived once per state change (oxker's FrameData):
/// where each part goes with the engine banner and the action bar taken out, and the rows each
/// screen lists. The reducer refreshes it after every event; the renderer and the click
/// handler read the same value, so a click lands on the text it points at.
public struct Frame: Sendable {
    public var layout: Layout
    /// The engine banner's row; empty while the engine answers.
    public var banner: Rect
    /// Where the screen or an overlay is drawn: the body less the banner and the action bar.
    public var screenArea: Rect
    /// The running action's bar, below the screen.
    public var barArea: Rect
    /// The body less the banner: where a question is asked.
    public var dialogArea: Rect
    /// The help overlay, over everything between the tabs and the footer.
    public var helpArea: Rect
    /// The rows of the screen on show (the others' are empty).
    public var serviceRows: [ServiceStatus]
    public var portRows: [PortRow]
    public var exposureRows: [PortExposure]
    public var roadmapRows: [RoadmapRow]
    /// The Map screen's edges with their states (LabControl's EdgeJudge, as `ailab map`).
    public var mapRows: [EdgeStatus]
    /// The Containers screen's rows: every container of the engine, grouped by project.
    public var containerRows: [ContainerRow]
    /// The Layers screen's bands and chips, laid out in `screenArea`.
    public var layers: LayersLayout
    /// The Detail overlay's lines, while it is open.
    public var detailLines: [DetailContent.Line]
    /// The Swarm panel under the Services table (empty outside a Swarm).
    public var swarmLines: [SwarmLine]

    public init(_ state: AppState) {
        layout = Layout(width: state.width, height: state.height)
        var body = layout.body
        banner = Rect(x: body.x, y: body.y, width: body.width, height: 0)
        if !state.snapshot.engine.reachable {
            (banner, body) = body.splitTop(body.height >= 4 ? 1 : 0)
        }
        dialogArea = body
        (screenArea, barArea) = body.splitBottom(min(Self.barRows(state), max(0, body.height - 2)))
        helpArea = Rect(x: 0, y: layout.tabs.maxY, width: state.width, height: max(0, layout.footer.y - layout.tabs.maxY))
        // Only the screen on show is derived: the others cost nothing until they are shown.
        serviceRows = state.screen == .services ? state.serviceRows : []
        swarmLines = state.screen == .services ? SwarmRows.lines(state.snapshot) : []
        portRows = state.screen == .ports ? state.portRows : []
        exposureRows = state.screen == .exposure ? state.exposureRows : []
        roadmapRows = state.screen == .roadmap ? state.roadmapRows : []
        mapRows = state.screen == .map ? EdgeJudge.judge(state.snapshot) : []
        containerRows = state.screen == .containers ? state.containerRows : []
        layers = state.screen == .layers ? LayersLayout(state: state, area: screenArea) : LayersLayout()
        if case .detail(let service) = state.overlay { detailLines = DetailContent.lines(state, service: service) } else { detailLines = [] }
    }

    /// How far the Detail overlay can scroll: its lines less the rows it shows.
    public var detailScrollLimit: Int { max(0, detailLines.count - max(0, screenArea.height - 2)) }

    /// Rows the running action's bar takes: its step, and a pull's bar and layer line.
    public static func barRows(_ state: AppState) -> Int {
        guard let action = state.action, action.isBusy else { return 0 }
        return action.pull == nil ? 1 : 3
    }
}
