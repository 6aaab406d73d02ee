import LabCatalog

/// The tunnels `ailab expose --via` can carry a service through.
public enum ExposeVia: String, Sendable, CaseIterable {
    case cloudflared, tailscale, bore, localtunnel
}

/// Why `expose`/`unexpose` did not do what was asked: `refused` before anything changed (exit
/// 3), or `failed` while writing (exit 1; what was written is taken back).
public struct ExposeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var refused: Bool

    static func refused(_ text: String) -> ExposeError { ExposeError(description: text, refused: true) }
    static func failed(_ text: String) -> ExposeError { ExposeError(description: text, refused: false) }
}

/// What `ailab expose SERVICE` will write, decided before anything is: shown as one question.
public struct ExposePlan: Sendable, Equatable {
    public var service: String
    /// The public host name, `<service>.<domain>`: the Traefik rule and the tunnel's hostname.
    public var hostname: String
    /// Where Traefik sends it: `http://open-webui:8080`.
    public var upstream: String
    public var via: ExposeVia?
    /// The tunnel's service in the catalog, and where its public side is.
    public var tunnelService: String?
    public var tunnelPublicName: String?
    /// A basic-auth middleware is added (the service has no login of its own).
    public var basicAuth: Bool
    /// The Traefik file-provider file this writes; the cloudflared config it edits, if any.
    public var routeFile: String
    public var ingressFile: String?
    /// A second matcher for the Host header the tunnel delivers (bore, localtunnel, Tailscale).
    public var tunnelRule: String? = nil
    /// The router's rule: the public host name, or what the tunnel delivers.
    public var rule: String { "Host(`\(hostname)`)" + (tunnelRule.map { " || \($0)" } ?? "") }
    /// Where Traefik sends the tunnel's requests: `http://traefik:80`.
    public var traefikURL: String
    /// Secrets of the tunnel that only the person can give and that are not stored yet.
    public var providedSecrets: [String]
    /// Where Traefik's entry ports listen beyond loopback ("all interfaces"), if anywhere.
    public var entryReach: [String]
    /// The plain password's file (0600), when `basicAuth`.
    public var passwordFile: String?

    /// The one question asked before anything changes: what becomes reachable, and from where.
    public var question: String {
        var places: [String] = []
        places.append(entryReach.isEmpty ? "through Traefik (its entry ports: only this host)" : "through Traefik on \(entryReach.joined(separator: ", ")) (anyone on the LAN)")
        if let tunnelService, let tunnelPublicName {
            let public_ = via == .tailscale ? "from your tailnet" : "from the internet"
            places.append("\(public_) through \(tunnelService) (\(tunnelPublicName))")
        }
        let auth = basicAuth
            ? "behind basic auth (user \(Exposer.user), password in \(passwordFile ?? "the secret store"))"
            : "with no password of ailab's: \(service) asks for its own login"
        return "Expose \(service)? http://\(hostname) (→ \(upstream)) becomes reachable \(places.joined(separator: " and ")), \(auth)."
    }
}
