/// An app-level HTTP probe, made from the host: `GET http://127.0.0.1:port/path` answers one of `expect`.
public struct Probe: Sendable, Equatable {
    public var path: String
    /// The host port; the service's first published port when the catalog gives none.
    public var port: Int
    public var expect: StatusSet
    /// Seconds between runs while the console is open (`interval`, default 30 s).
    public var interval: Double

    public init(path: String, port: Int, expect: StatusSet = .success, interval: Double = 30) {
        self.path = path
        self.port = port
        self.expect = expect
        self.interval = interval
    }
}
