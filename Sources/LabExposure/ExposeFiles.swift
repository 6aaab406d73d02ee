#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// Where, on this host, the lab's own Traefik file provider and tunnel configurations live:
/// read from the catalog's commands (`--providers.file.directory`, cloudflared's `--config`,
/// Tailscale's `TS_SERVE_CONFIG`) and the bind mounts that carry those paths into the
/// containers. `ailab expose` writes there; `ExposureJudge` reads what is there.
/// Sources: https://doc.traefik.io/traefik/providers/file/ (directory, watched for changes);
/// https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/local-management/configuration-file/
/// (`cloudflared tunnel --config PATH run`).
public struct ExposeFiles: Sendable, Equatable {
    /// The host directory Traefik's file provider watches, and the Traefik service's name.
    public var traefikDirectory: String?
    public var traefik: String?
    /// The host path of cloudflared's config file, and the cloudflared service's name.
    public var cloudflaredConfig: String?
    public var cloudflared: String?
    /// The host path of Tailscale's serve config, and the Tailscale service's name.
    public var tailscaleServe: String?
    public var tailscale: String?

    public init() {}

    public static func locate(_ catalog: Catalog) -> ExposeFiles {
        var files = ExposeFiles()
        for service in catalog.services {
            for component in service.components {
                let image = component.image.lowercased()
                let args = (component.entrypoint ?? []) + (component.command ?? [])
                if image.hasPrefix("traefik"), let path = TunnelReader.value(after: "--providers.file.directory", in: args) {
                    files.traefikDirectory = hostPath(of: path, in: component)
                    files.traefik = service.name
                } else if image.contains("cloudflared"), let path = TunnelReader.value(after: "--config", in: args) {
                    files.cloudflaredConfig = hostPath(of: path, in: component)
                    files.cloudflared = service.name
                } else if image.contains("tailscale"), let path = component.environment.first(where: { $0.name == "TS_SERVE_CONFIG" })?.value {
                    files.tailscaleServe = hostPath(of: path, in: component)
                    files.tailscale = service.name
                }
            }
        }
        return files
    }

    /// The host path a bind mount carries to `path` inside the container; nil when no host
    /// directory does (a named volume, or a catalog config the lab rewrites on every recreate).
    static func hostPath(of path: String, in component: Component) -> String? {
        let binds = component.volumes.filter { $0.source.hasPrefix("/") }.sorted { $0.target.count > $1.target.count }
        for bind in binds {
            let target = bind.target.hasSuffix("/") ? String(bind.target.dropLast()) : bind.target
            if path == target { return bind.source }
            if path.hasPrefix(target + "/") { return bind.source + path.dropFirst(target.count) }
        }
        return nil
    }
}
