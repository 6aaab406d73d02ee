import Canvas
@testable import Console
@testable import ConsoleViews
import LabCatalog
import Testing

/// Catalog warnings are reachable on screen: counted in the header, listed under the help (?).
@Suite struct CatalogWarningsViewTests {
    @Test func theHeaderCountsThemAndHelpListsThem() throws {
        var state = try ConsoleFixtures.state()
        state.snapshot.catalog.warnings = [
            CatalogDiagnostic(file: "compose.yaml", line: 4, column: 7, path: "", message: "'expose' is not applied (3 services)"),
            CatalogDiagnostic(file: "compose.yaml", line: 9, column: 1, path: "", message: "the TAG variable is not set: using an empty string"),
        ]
        let header = ConsoleRenderer.render(state).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("2 warnings (?)"), "\(header)")
        state.overlay = .help
        let screen = ConsoleRenderer.render(state).text
        #expect(screen.contains("Catalog warnings (2)"))
        #expect(screen.contains("compose.yaml:9:1: the TAG variable is not set: using an empty string"))
        // Without warnings nothing changes (the snapshots stay as they were).
        state.snapshot.catalog.warnings = []
        #expect(!ConsoleRenderer.render(state).text.contains("warning"))
    }
}
