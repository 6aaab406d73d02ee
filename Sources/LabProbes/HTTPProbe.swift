import DockerClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// HTTP GETs to the lab's services on this machine, for probes and metric checks.
public enum HTTPProbe {
    public static func get(
        host: String = "127.0.0.1", port: Int, path: String, headers: [(name: String, value: String)] = [], timeout: Duration = .seconds(2)
    ) async throws -> HTTPResponse {
        let transport = HTTPTransport(endpoint: .tcp(host: host, port: port))
        var request = HTTPRequest(.get, path)
        request.headers = headers
        return try await transport.send(request, timeout: timeout, operation: "GET :\(port)\(path)")
    }

    /// The host port to reach `service` on: the published port of the container port the catalog
    /// maps `declared` to (or its probe's); failing that the service's first published port; else
    /// the declared one.
    public static func port(of status: ServiceStatus, declared: Int? = nil) -> Int? {
        let wanted = declared ?? status.service.probe?.port ?? status.service.ports.compactMap(\.host).first
        let published = status.containers.flatMap(\.ports)
        if let wanted, let containerPort = status.service.ports.first(where: { $0.host == wanted })?.container,
            let match = published.first(where: { $0.container == containerPort })
        {
            return match.host
        }
        return published.first?.host ?? wanted
    }
}
