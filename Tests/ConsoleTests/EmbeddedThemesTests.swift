import Foundation
import Testing
@testable import Canvas

/// The bundled themes are compiled in (Embedded/BuiltInThemes.swift) from
/// Sources/Canvas/Resources/themes; a user's file of the same name still wins.
@Suite struct EmbeddedThemesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Canvas/Resources/themes").standardizedFileURL

    @Test func theCompiledInThemesAreTheResourceFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names == BuiltInThemes.files.keys.sorted(), "run `make embed` after adding or removing a theme")
        for name in names {
            let text = try String(contentsOfFile: Self.folder.appendingPathComponent(name).path, encoding: .utf8)
            #expect(BuiltInThemes.files[name] == text, "\(name) differs from its compiled-in copy: run `make embed`")
        }
        #expect(Set(ThemeCatalog.bundledNames.map { "\($0).yaml" }) == Set(names))
    }

    @Test func aBundledThemeLoadsByNameAndAUserFileOverridesIt() throws {
        let light = try ThemeCatalog.resolve(option: "light", environment: [:])
        #expect(light.name == "light")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-themes-\(UUID())")
        try FileManager.default.createDirectory(atPath: home.path + "/ailab/themes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "name: mine\n".write(toFile: home.path + "/ailab/themes/light.yaml", atomically: true, encoding: .utf8)
        #expect(try ThemeCatalog.resolve(option: "light", environment: ["XDG_CONFIG_HOME": home.path]).name == "mine")
    }
}
