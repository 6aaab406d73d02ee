import Canvas
import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Draws the whole console from one state value. Pure: the same state gives the same cells.
public enum ConsoleRenderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard state.width > 0, state.height > 0 else { return buffer }
        let frame = state.frame!
        let layout = frame.layout
        ChromeView.header(state, into: &buffer, layout.header)
        ChromeView.tabs(state, into: &buffer, layout.tabs)
        ChromeView.banner(state, into: &buffer, frame.banner)
        let (screenArea, barArea) = (frame.screenArea, frame.barArea)
        switch state.overlay {
        case .detail(let service): DetailView.draw(state, service: service, into: &buffer, screenArea)
        case .logs: LogsView.draw(state, into: &buffer, screenArea)
        case .actionLog: ActionViews.log(state, into: &buffer, screenArea)
        case .inspect: InspectView.draw(state, into: &buffer, screenArea)
        case .help, nil: drawScreen(state, into: &buffer, screenArea)
        }
        ActionViews.bar(state, into: &buffer, barArea)
        if let action = state.action, !action.isBusy { ActionViews.dialog(state, into: &buffer, frame.dialogArea) }
        ShellChooserView.draw(state, into: &buffer, frame.dialogArea)
        if state.exposeDialog != nil { ExposeDialogView.draw(state, into: &buffer, frame.dialogArea) }
        SummaryView.draw(state, into: &buffer, layout.summary)
        SummaryView.progress(state, into: &buffer, layout.progress)
        ChromeView.footer(state, into: &buffer, layout.footer)
        if state.overlay == .help {
            HelpView.draw(state, into: &buffer, frame.helpArea)
        }
        return buffer
    }

    static func drawScreen(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        switch state.screen {
        case .layers: LayersView.draw(state, into: &buffer, area)
        case .services: ServicesView.draw(state, into: &buffer, area)
        case .ports: PortsView.draw(state, into: &buffer, area)
        case .roadmap: RoadmapView.draw(state, into: &buffer, area)
        case .events: EventsView.draw(state, into: &buffer, area)
        case .exposure: ExposureView.draw(state, into: &buffer, area)
        case .map: MapView.draw(state, into: &buffer, area)
        case .containers: ContainersView.draw(state, into: &buffer, area)
        }
    }
}
