@testable import Canvas
import Foundation
import Testing

@Suite struct CanvasTests {
    @Test func displayWidthOfWideCombiningAndControl() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("●◐✗○·") == 5)
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.truncate("qdrant-collection", to: 8, ellipsis: "…") == "qdrant-…")
        #expect(DisplayWidth.truncate("日本語", to: 5) == "日本")
    }

    /// The ASCII, Latin and box-drawing short cuts (issue 17) agree with the general rule.
    @Test func displayWidthShortCutsAgreeWithTheUnicodeRule() {
        #expect(DisplayWidth.of("\u{7F}") == 0 && DisplayWidth.of("\t") == 0 && DisplayWidth.of("\r\n") == 0)
        #expect(DisplayWidth.of("soft\u{AD}hyphen") == 10)  // U+00AD is a format character
        #expect(DisplayWidth.of("café ñ") == 6)
        #expect(DisplayWidth.of("─│┌┐└┘├┤█░▁▇") == 12)
        #expect(DisplayWidth.of("\u{25FD}") == 2)  // just past the box-drawing short cut: wide
        for value in UInt32(0x20)...0x2FF {
            guard let scalar = Unicode.Scalar(value), !(0x7F..<0xA0).contains(value) else { continue }
            let category = scalar.properties.generalCategory
            let zero = category == .nonspacingMark || category == .enclosingMark || category == .format
            #expect(DisplayWidth.of(scalar) == (zero ? 0 : 1), "U+\(String(value, radix: 16))")
        }
    }

    @Test func wideCharactersNeverStraddleAnEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.put("ab日本", x: 0, y: 0)
        #expect(buffer.lines == ["ab日 "])
        buffer.put("x", x: 3, y: 0)  // over the right half of 日
        #expect(buffer.lines == ["ab x "])
        buffer.put("日", x: -1, y: 0)
        #expect(buffer.lines[0].hasPrefix(" b"))
    }

    @Test func writesOutsideAreClipped() {
        var empty = ScreenBuffer(width: 0, height: 0)
        empty.put("hello", x: 0, y: 0)
        empty.fill(Rect(x: -3, y: -3, width: 10, height: 10))
        empty.box(Rect(x: 0, y: 0, width: 5, height: 5), glyphs: .unicode)
        #expect(empty.lines.isEmpty)
        var one = ScreenBuffer(width: 1, height: 1)
        one.put("日本", x: 0, y: 0)
        one.put("x", x: 5, y: 5)
        #expect(one.lines == [" "])
        var small = ScreenBuffer(width: 10, height: 2)
        small.put("abcdefgh", x: 2, y: 1, clip: Rect(x: 3, y: 0, width: 3, height: 2))
        #expect(small.lines == ["          ", "   bcd    "])
    }

    @Test func changesAreOnlyTheCellsThatDiffer() {
        var first = ScreenBuffer(width: 4, height: 2)
        first.put("ab", x: 0, y: 0)
        var second = first
        #expect(second.changes(since: first).isEmpty)
        second.put("X", x: 3, y: 1, style: Style(.error))
        #expect(second.changes(since: first).map { [$0.x, $0.y] } == [[3, 1]])
        #expect(second.changes(since: nil).count == 8)
    }

    @Test func coloursDegradeFromTheCubeToEightColours() {
        #expect(TerminalColor.indexed(196).basic == .indexed(1))  // red
        #expect(TerminalColor.indexed(46).basic == .indexed(2))  // green
        #expect(TerminalColor.indexed(9).basic == .indexed(1))
        #expect(TerminalColor.indexed(250).basic == .indexed(7))
        #expect(TerminalColor.standard.basic == .standard)
    }
}

/// Every theme in themes/ loads; the compiled-in default says what default.yaml says; bad
/// files fail naming file and line.
@Suite struct ThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func everyThemeFileIsValidAndPaintsEveryRole() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ["default.yaml", "high-contrast.yaml", "light.yaml", "monochrome.yaml"])
        for file in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            let theme = try ThemeLoader.parse(text, file: file, base: Theme(name: "empty", paints: [:]))
            #expect(theme.name == String(file.dropLast(5)))
            #expect(Set(theme.paints.keys) == Set(Role.allCases), "\(file) leaves roles out")
        }
    }

    @Test func theCompiledInDefaultMatchesItsFile() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("default.yaml"), encoding: .utf8)
        #expect(try ThemeLoader.parse(text, file: "default.yaml", base: Theme(name: "", paints: [:])) == Theme.standard)
    }

    @Test func aUserFileOverridesSomeRolesOnly() throws {
        let theme = try ThemeLoader.parse("palette: {hot: '#ff0000'}\nroles:\n  healthy: {fg: hot, bold: true}\n", file: "mine.yaml")
        #expect(theme.paint(.healthy) == Paint(.indexed(196), .standard, .bold))
        #expect(theme.paint(.unhealthy) == Theme.standard.paint(.unhealthy))
    }

    /// `cursor` is no role any more (nothing drew it); a theme written when it was still loads.
    @Test func aThemeNamingTheRetiredCursorRoleStillLoads() throws {
        let theme = try ThemeLoader.parse("roles:\n  cursor: {fg: red}\n  healthy: {fg: red}\n", file: "old.yaml")
        #expect(theme.paint(.healthy) == Paint(.indexed(1)))
        #expect(Role(rawValue: "cursor") == nil)
    }

    @Test(arguments: [
        ("roles:\n  healthy: {fg: chartreuse}\n", 2, "unknown colour 'chartreuse'"),
        ("roles:\n  happy: {fg: red}\n", 2, "unknown role 'happy'"),
        ("roles:\n  text: {fg: 300}\n", 2, "not from 0 to 255"),
        ("colours: {}\n", 1, "unknown key 'colours'"),
        ("roles:\n  text: {fg: red, blink: true}\n", 2, "unknown paint key 'blink'"),
        ("roles: [\n", 2, "YAML syntax"),
    ])
    func badThemesNameFileAndLine(text: String, line: Int, message: String) {
        #expect {
            try ThemeLoader.parse(text, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.file == "bad.yaml" && error.line == line && error.message.contains(message)
        }
    }

    @Test func resolvesNamesFilesAndTheEnvironment() throws {
        #expect(try ThemeCatalog.resolve(option: nil, environment: [:]) == .standard)
        #expect(try ThemeCatalog.resolve(option: "light", environment: [:]).name == "light")
        #expect(try ThemeCatalog.resolve(option: nil, environment: ["AILAB_THEME": "monochrome"]).name == "monochrome")
        #expect(throws: ThemeError.self) { try ThemeCatalog.resolve(option: "neon", environment: [:]) }
        #expect(throws: ThemeError.self) { try ThemeCatalog.resolve(option: "/no/such/theme.yaml", environment: [:]) }
    }
}
