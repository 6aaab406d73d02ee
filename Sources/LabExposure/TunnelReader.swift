#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabCatalog

/// Where the lab's tunnels point, read from their own configuration in the catalog: bore's and
/// localtunnel's command lines (ekzhang/bore README: `bore local PORT --local-host HOST --to
/// SERVER`; localtunnel README: `lt --port PORT --local-host HOST [--subdomain S] [--host URL]`),
/// cloudflared's quick tunnel `--url` or its config file's `ingress` services
/// (https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/local-management/configuration-file/),
/// and Tailscale's serve config (`Web` handlers' `Proxy`, `TCP` `TCPForward`, `AllowFunnel`:
/// https://tailscale.com/kb/1282/docker). A remotely managed cloudflared (a token only) keeps
/// its ingress in Cloudflare's dashboard: nothing here can say where it points.
public enum TunnelReader {
    public static func paths(of service: LabService) -> [TunnelPath] {
        service.components.flatMap { component -> [TunnelPath] in
            let args = (component.entrypoint ?? []) + (component.command ?? [])
            let image = component.image.lowercased()
            if image.contains("bore") || args.first == "local" && args.contains("--to") {
                guard let at = args.firstIndex(of: "local"), at + 1 < args.count else { return [] }
                let host = value(after: "--local-host", in: args) ?? "localhost"
                return [TunnelPath(tunnel: service.name, target: "\(host):\(args[at + 1])", publicName: value(after: "--to", in: args) ?? "bore.pub")]
            }
            if args.contains(where: { $0.hasPrefix("localtunnel") || $0 == "lt" }) {
                guard let port = value(after: "--port", in: args) ?? value(after: "-p", in: args) else { return [] }
                let host = value(after: "--local-host", in: args) ?? "localhost"
                let server = value(after: "--host", in: args).flatMap { URL(string: $0)?.host } ?? "loca.lt"
                let name = value(after: "--subdomain", in: args).map { "\($0).\(server)" } ?? server
                return [TunnelPath(tunnel: service.name, target: "\(host):\(port)", publicName: name)]
            }
            if image.contains("cloudflared") { return cloudflared(service.name, args: args, contents: component.configs.map(\.content)) }
            if image.contains("tailscale") { return tailscale(service.name, contents: component.configs.map(\.content)) }
            return []
        }
    }

    static func value(after flag: String, in args: [String]) -> String? {
        if let at = args.firstIndex(of: flag), at + 1 < args.count { return args[at + 1] }
        return args.first { $0.hasPrefix(flag + "=") }.map { String($0.dropFirst(flag.count + 1)) }
    }

    /// `http://traefik:80` → `traefik:80` (the scheme's port when none is written).
    static func target(_ url: String) -> String? {
        guard let parsed = URL(string: url), let host = parsed.host else { return nil }
        return "\(host):\(parsed.port ?? (parsed.scheme == "https" ? 443 : 80))"
    }

    static func cloudflared(_ name: String, args: [String], contents: [String]) -> [TunnelPath] {
        if let url = value(after: "--url", in: args), let target = target(url) {
            return [TunnelPath(tunnel: name, target: target, publicName: "trycloudflare.com")]
        }
        // A config file's ingress: `- hostname: x.example.com` then `service: http://h:p`.
        var paths: [TunnelPath] = []
        var hostname = "cloudflare"
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        for line in contents.flatMap({ $0.split(separator: "\n") }) {
            let text = line.trimmed(where: isBlank).replacing("- ", with: "")
            if text.hasPrefix("hostname:") { hostname = text.dropFirst(9).trimmed(where: isBlank) }
            if text.hasPrefix("service:"), let target = target(text.dropFirst(8).trimmed(where: isBlank)) {
                paths.append(TunnelPath(tunnel: name, target: target, publicName: hostname))
                hostname = "cloudflare"
            }
        }
        return paths
    }

    static func tailscale(_ name: String, contents: [String]) -> [TunnelPath] {
        contents.flatMap { content -> [TunnelPath] in
            guard let object = (try? JSONValue.parse(Array(content.utf8)))?.object else { return [] }
            // `AllowFunnel` is a map of host:port to true; anything else in it and it is not read.
            let flags = (object["AllowFunnel"]?.object ?? [:]).values.map(\.bool)
            let funnel = !flags.contains(nil) && flags.contains(true)
            let publicName = funnel ? "internet (funnel)" : "tailnet"
            var targets: [String] = []
            for site in (object["Web"]?.object ?? [:]).values {
                targets += (site["Handlers"]?.object ?? [:]).values.compactMap { $0["Proxy"]?.string.flatMap(target) }
            }
            for entry in (object["TCP"]?.object ?? [:]).values {
                if let forward = entry["TCPForward"]?.string { targets.append(forward) }
            }
            return Set(targets).sorted().map { TunnelPath(tunnel: name, target: $0, publicName: publicName) }
        }
    }
}
