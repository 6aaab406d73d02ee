import CBuildInfo

/// What `ailab --version` prints: the version, and the commit `make` compiled in
/// (Sources/CBuildInfo; "unknown" after a plain `swift build`).
enum BuildInfo {
    /// Raised by hand at a release; `make dist` names its tarball after it.
    static let version = "0.17.0"

    static var commit: String { String(cString: ailab_build_commit()) }

    static var versionLine: String { "ailab \(version) (commit \(commit))" }
}
