#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// What the command line says about the compose project: files, name, profiles, env files.
public struct CatalogOptions: Sendable {
    /// `-f/--catalog` files in order; empty means the default catalog lookup.
    public var files: [String]
    /// `-p/--project-name`.
    public var projectName: String?
    /// `--profile`, added to `COMPOSE_PROFILES`.
    public var profiles: [String]
    /// `--env-file`, in order (later files win); empty means `.env` beside the first file.
    public var envFiles: [String]
    public var environment: [String: String]
    public var workingDirectory: String

    public init(
        files: [String] = [], projectName: String? = nil, profiles: [String] = [], envFiles: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.files = files
        self.projectName = projectName
        self.profiles = profiles
        self.envFiles = envFiles
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Compose's default file names, in its order of preference (compose-spec "Compose file").
    static let defaultNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]

    /// The first directory from `directory` upwards holding a compose file, with the file found
    /// there and its `.override` file when one exists, as `docker compose` finds them.
    static func discover(from directory: String) -> [String] {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in defaultNames {
                let path = url.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let stem = Path.deletingExtension(name)
                let ext = Path.pathExtension(name)
                let override = url.appendingPathComponent("\(stem).override.\(ext)").path
                return FileManager.default.fileExists(atPath: override) ? [path, override] : [path]
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return [] }
            url = parent
        }
    }

    /// Compose's normalisation of a directory name into a project name (compose-go
    /// `NormalizeProjectName`): lowercase, only a-z 0-9 - _, no leading - or _.
    public static func normalizedProjectName(_ text: String) -> String {
        let kept = text.lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        return String(kept.drop { $0 == "-" || $0 == "_" })
    }

    /// `COMPOSE_PROFILES` (comma-separated) and `--profile`, without blanks.
    func activeProfiles(lookup: (String) -> String?) -> Set<String> {
        let fromEnvironment = (lookup("COMPOSE_PROFILES") ?? "").split(separator: ",").map { DotEnv.trimmed(String($0)) }
        return Set((fromEnvironment + profiles).filter { !$0.isEmpty })
    }
}
