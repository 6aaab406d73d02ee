#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import LabCatalog
import LabExposure

extension Exposer {
    /// Writes the plan: the password (generated, 0600) when it asks for basic auth, the route
    /// file, then the tunnel's ingress. A failure takes back what was written. Returns what was
    /// done, in lines that carry no secret.
    public func apply(_ plan: ExposePlan) throws(ExposeError) -> [String] {
        var said: [String] = []
        var users: [String] = []
        if plan.basicAuth {
            let name = Self.passwordName(plan.service)
            do throws(StateError) {
                let password = try secrets.ensure(name, spec: SecretSpec(length: 32))
                users.append(Htpasswd.line(user: Self.user, password: password))
            } catch {
                throw .failed("store the password \(name): \(error.description)")
            }
            said.append("basic auth: user \(Self.user), password stored in \(secrets.path(name)) (0600)")
        }
        do throws(StateError) {
            try AtomicFile.write(Data(Self.routeYAML(plan, users: users).utf8), to: plan.routeFile, mode: 0o600)
        } catch {
            throw .failed("write \(plan.routeFile): \(error.description)")
        }
        said.append("wrote the Traefik route \(plan.routeFile): \(plan.rule) → \(plan.upstream)")
        if let config = plan.ingressFile {
            let text = FileManager.default.contents(atPath: config).map { String(decoding: $0, as: UTF8.self) } ?? ""
            do throws(StateError) {
                guard let changed = CloudflaredIngress.insert(service: plan.service, hostname: plan.hostname, url: plan.traefikURL, into: text) else {
                    throw StateError(description: "its ingress list has no catch-all rule any more")
                }
                try AtomicFile.write(Data(changed.utf8), to: config, mode: Self.mode(of: config))
            } catch {
                unlink(plan.routeFile)
                throw .failed("edit \(config): \(error.description); the route was taken back")
            }
            said.append("added \(plan.hostname) → \(plan.traefikURL) to \(config) (restart \(plan.tunnelService ?? "cloudflared") to load it)")
        }
        return said
    }

    /// Takes back what `apply` wrote for the service: the route file, its ingress rule, its
    /// password. Empty when the service was not exposed.
    public func unexpose(_ service: String) throws(ExposeError) -> [String] {
        guard catalog.service(named: service) != nil else { throw .refused("unknown service '\(service)'") }
        var said: [String] = []
        if let directory = files.traefikDirectory {
            let route = directory + "/" + Self.routeFileName(service)
            if FileManager.default.fileExists(atPath: route) {
                guard unlink(route) == 0 else { throw .failed("remove \(route): \(String(cString: strerror(errno)))") }
                said.append("removed the Traefik route \(route)")
            }
        }
        if let config = files.cloudflaredConfig, let data = FileManager.default.contents(atPath: config),
            let restored = CloudflaredIngress.remove(service: service, from: String(decoding: data, as: UTF8.self))
        {
            do throws(StateError) { try AtomicFile.write(Data(restored.utf8), to: config, mode: Self.mode(of: config)) } catch {
                throw .failed("edit \(config): \(error.description)")
            }
            said.append("removed \(service)'s rule from \(config) (restart \(files.cloudflared ?? "cloudflared") to drop it)")
        }
        let password = Self.passwordName(service)
        if secrets.value(password) != nil {
            secrets.remove(password)
            said.append("removed the password \(password)")
        }
        return said
    }

    /// The file-provider configuration: a router with a high priority, so it wins over a
    /// label router with the same host rule (https://doc.traefik.io/traefik/routing/routers/#priority).
    static func routeYAML(_ plan: ExposePlan, users: [String]) -> String {
        let name = "ailab-expose-\(plan.service)"
        var lines = [
            "# Written by `ailab expose \(plan.service)`; `ailab unexpose \(plan.service)` removes this file.",
            "http:", "  routers:", "    \(name):", "      rule: '\(plan.rule.replacing("'", with: "''"))'", "      priority: 10000", "      service: \(name)",
        ]
        if !users.isEmpty { lines += ["      middlewares: [\(name)-auth]", "  middlewares:", "    \(name)-auth:", "      basicAuth:", "        users:"] + users.map { "          - \"\($0)\"" } }
        lines += ["  services:", "    \(name):", "      loadBalancer:", "        servers:", "          - url: \"\(plan.upstream)\""]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mode(of path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
    }
}
