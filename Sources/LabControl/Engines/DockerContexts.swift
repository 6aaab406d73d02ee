import DockerClient
import LabModel
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Engines by the docker CLI's names, read from where the CLI keeps them:
/// `$DOCKER_CONFIG` (else ~/.docker)/config.json's `currentContext`, and per context
/// `contexts/meta/<sha256 of the name>/meta.json` (`Endpoints.docker.Host`, `SkipTLSVerify`) with
/// its TLS files in `contexts/tls/<sha256>/docker/{ca,cert,key}.pem`
/// (docs.docker.com/engine/manage-resources/contexts/; docker/cli cli/context/store/metadatastore.go
/// and tlsstore.go name the directories by the digest of the context's name).
public struct DockerContexts: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    /// The CLI's configuration directory.
    public var configDirectory: String {
        if let dir = environment["DOCKER_CONFIG"], !dir.isEmpty { return dir }
        return Path.home(environment) + "/.docker"
    }

    /// The engines to watch. `requested`: the `--engine` values (names or addresses), in order;
    /// `host`: `--host`. With neither, one engine chosen as the docker CLI chooses its context
    /// (cli/command/cli.go `resolveContextName`): `--host` or `DOCKER_HOST` mean "default", else
    /// `DOCKER_CONTEXT`, else config.json's `currentContext`, else "default".
    public func resolve(requested: [String], host: String?) throws(DockerError) -> [EngineTarget] {
        guard requested.isEmpty else {
            var seen: Set<String> = []
            var targets: [EngineTarget] = []
            for value in requested {
                let target = try Self.isAddress(value) ? addressTarget(value) : named(value, host: nil)
                guard seen.insert(target.name).inserted else { throw .badEndpoint(value, "--engine names this engine twice") }
                targets.append(target)
            }
            return targets
        }
        if let host { return [try defaultContext(host: host)] }
        if let dockerHost = environment["DOCKER_HOST"], !dockerHost.isEmpty { return [try defaultContext(host: nil)] }
        if let name = environment["DOCKER_CONTEXT"], !name.isEmpty { return [try named(name, host: nil)] }
        return [try named(try currentContext() ?? "default", host: nil)]
    }

    static func isAddress(_ value: String) -> Bool { value.contains("://") || value.hasPrefix("/") }

    /// config.json's `currentContext`, nil when the file or the key is absent.
    func currentContext() throws(DockerError) -> String? {
        let path = configDirectory + "/config.json"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        struct Config: Decodable { let currentContext: String? }
        do {
            let name = try JSONDecoder().decode(Config.self, from: data).currentContext
            return name?.isEmpty == false ? name : nil
        } catch {
            throw .badEndpoint(path, "unreadable docker config: \(error)")
        }
    }

    func named(_ name: String, host: String?) throws(DockerError) -> EngineTarget {
        if name == "default" { return try defaultContext(host: host) }
        let id = SHA256.hex(name)
        let metaPath = "\(configDirectory)/contexts/meta/\(id)/meta.json"
        guard let data = FileManager.default.contents(atPath: metaPath) else {
            throw .badEndpoint(name, "no docker context of this name (no \(metaPath)); `docker context ls` lists them")
        }
        let meta: ContextMeta
        do {
            meta = try JSONDecoder().decode(ContextMeta.self, from: data)
        } catch {
            throw .badEndpoint(name, "unreadable context file \(metaPath): \(error)")
        }
        guard let docker = meta.Endpoints["docker"], let address = docker.Host, !address.isEmpty else {
            throw .badEndpoint(name, "the context has no docker endpoint (\(metaPath))")
        }
        let endpoint = try DockerEndpoint.parse(address)
        let tlsDir = "\(configDirectory)/contexts/tls/\(id)/docker"
        let files = ["ca.pem", "cert.pem", "key.pem"].map { tlsDir + "/" + $0 }.map { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        let skip = docker.SkipTLSVerify ?? false
        let tls: EngineTLS? = files.contains { $0 != nil } || skip
            ? EngineTLS(caFile: files[0], certFile: files[1], keyFile: files[2], verify: !skip) : nil
        return EngineTarget(name: name, endpoint: endpoint, tls: tls, sshConfigFile: sshConfig)
    }

    /// The "default" context: `--host`, else `DOCKER_HOST`, else the local socket, with TLS as
    /// the CLI's flags read the environment (cli/flags/options.go): `DOCKER_TLS_VERIFY` set means
    /// TLS with verification, `DOCKER_TLS` TLS without, files from `DOCKER_CERT_PATH` (else the
    /// config directory).
    func defaultContext(host: String?) throws(DockerError) -> EngineTarget {
        let tls = environmentTLS()
        let address = host ?? environment["DOCKER_HOST"].flatMap { $0.isEmpty ? nil : $0 }
        let endpoint = try address.map { text throws(DockerError) in try DockerEndpoint.parse(text, tls: tls != nil) } ?? .defaultSocket
        return EngineTarget(name: "default", endpoint: endpoint, tls: tls, sshConfigFile: sshConfig)
    }

    func addressTarget(_ value: String) throws(DockerError) -> EngineTarget {
        let tls = environmentTLS()
        return EngineTarget(name: value, endpoint: try DockerEndpoint.parse(value, tls: tls != nil), tls: tls, sshConfigFile: sshConfig)
    }

    func environmentTLS() -> EngineTLS? {
        let verify = !(environment["DOCKER_TLS_VERIFY"] ?? "").isEmpty
        guard verify || !(environment["DOCKER_TLS"] ?? "").isEmpty else { return nil }
        let dir = environment["DOCKER_CERT_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? configDirectory
        let file = { (name: String) in FileManager.default.fileExists(atPath: dir + "/" + name) ? dir + "/" + name : nil }
        return EngineTLS(caFile: verify ? dir + "/ca.pem" : file("ca.pem"), certFile: file("cert.pem"), keyFile: file("key.pem"), verify: verify)
    }

    var sshConfig: String? { environment["AILAB_SSH_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The part of meta.json read here; the CLI writes more (Metadata, other endpoints).
    struct ContextMeta: Decodable {
        struct Endpoint: Decodable {
            let Host: String?
            let SkipTLSVerify: Bool?
        }
        let Endpoints: [String: Endpoint]
    }
}
