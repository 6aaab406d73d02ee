/// A published port: `host` on the machine → `container` inside.
public struct PortSpec: Sendable, Hashable {
    public var host: Int?
    public var container: Int
    public var proto: String
    public var hostIP: String?

    public init(host: Int?, container: Int, proto: String = "tcp", hostIP: String? = nil) {
        self.host = host
        self.container = container
        self.proto = proto
        self.hostIP = hostIP
    }
}
