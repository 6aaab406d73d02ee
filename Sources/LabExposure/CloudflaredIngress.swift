/// Adds and removes one rule of a cloudflared config file's `ingress` list as text, so the
/// file keeps every byte it had: the rule goes right before the catch-all rule (cloudflared
/// requires the last rule to match everything, https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/local-management/configuration-file/#how-traffic-is-matched),
/// as three lines that start with a marker comment naming the service; removing them gives
/// back the file as it was.
public enum CloudflaredIngress {
    static func marker(_ service: String) -> String { "# ailab expose \(service)" }

    /// The file with the rule added, or nil when it has no `ingress:` list ending in a catch-all.
    public static func insert(service: String, hostname: String, url: String, into text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let ingress = lines.firstIndex(where: { $0.hasPrefix("ingress:") }) else { return nil }
        // The catch-all: an item that starts with `service:` (no hostname, no path before it).
        guard let catchAll = lines[(ingress + 1)...].firstIndex(where: { $0.trimmingLeadingSpaces.hasPrefix("- service:") }) else { return nil }
        let indent = String(lines[catchAll].prefix { $0 == " " })
        lines.insert(contentsOf: [indent + marker(service), indent + "- hostname: \(hostname)", indent + "  service: \(url)"], at: catchAll)
        return lines.joined(separator: "\n")
    }

    /// The file without the service's rule, or nil when it holds none.
    public static func remove(service: String, from text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let at = lines.firstIndex(where: { $0.trimmingLeadingSpaces == marker(service) }), at + 2 < lines.count else { return nil }
        lines.removeSubrange(at...(at + 2))
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
