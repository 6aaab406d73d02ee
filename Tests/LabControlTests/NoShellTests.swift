import Foundation
import Testing

/// No action may pass catalog- or user-derived strings through a shell. ailab starts exactly one
/// kind of process: `ssh … docker system dial-stdio` for an ssh:// engine, as the docker CLI
/// does (issue 16), by posix_spawnp with an argv and no shell, in one file. This reads every
/// source file, so any other `Process`, `system` or spawn call fails here and has to be argued for.
struct NoShellTests {
    /// The one file that may spawn: ssh for ssh:// engines, argv only.
    static let sshDialer = "Sources/DockerClient/Transport/SSHDialer.swift"

    @Test func noSourceFileStartsAProcessOrAShell() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let forbidden = ["Process(", "posix_spawn", "system(", "popen(", "/bin/sh", "execv", "execl", "NSTask", "fork("]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { ["swift", "h", "c"].contains($0.pathExtension) } ?? []
        #expect(files.count > 50)
        for file in files {
            var text = try String(contentsOf: file, encoding: .utf8)
            // The console's shell (`e`) names the programs the engine runs inside a container
            // through the exec API; nothing starts on this host. Those two paths are allowed
            // there, as that one list's literal and nowhere else; the rest of the file is checked.
            if file.lastPathComponent == "DockerClient+Shell.swift" {
                let list = #"public static let shellCandidates = ["/bin/bash", "/bin/sh"]"#
                #expect(text.components(separatedBy: list).count == 2, "the shell candidates are one literal list")
                text = text.replacingOccurrences(of: list, with: "")
            }
            for word in forbidden where !(word == "posix_spawn" && file.path.hasSuffix(Self.sshDialer)) {
                #expect(!text.contains(word), "\(file.lastPathComponent) uses \(word)")
            }
        }
    }

    @Test func theOneSpawnIsSSHDialStdioWithAnArgv() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent(Self.sshDialer), encoding: .utf8)
        #expect(text.contains("posix_spawnp(&pid, argv[0]"))
        #expect(!text.contains("\"sh\"") && !text.contains("-c\""))
    }
}
