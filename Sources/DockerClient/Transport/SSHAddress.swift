#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// `ssh://[user@]host[:port][/path]`, read as the docker CLI reads it (cli/connhelper/ssh/ssh.go,
/// `newSpec`): a user but never a password, a host that is not empty, an optional port, an
/// optional remote socket path, and no query or fragment.
enum SSHAddress {
    static func parse(_ text: String, original: String) throws(DockerError) -> DockerEndpoint {
        guard let parts = URLComponents(string: text), parts.scheme == "ssh" else {
            throw .badEndpoint(original, "expected ssh://[user@]host[:port]")
        }
        guard parts.password == nil else { throw .badEndpoint(original, "a plain-text password is not supported; use a key or an agent") }
        guard let host = parts.host, !host.isEmpty else { throw .badEndpoint(original, "the ssh host name is empty") }
        guard parts.query == nil else { throw .badEndpoint(original, "query parameters are not allowed") }
        guard parts.fragment == nil else { throw .badEndpoint(original, "fragments are not allowed") }
        if let user = parts.user, user.hasPrefix("-") { throw .badEndpoint(original, "a user name may not start with '-'") }
        if host.hasPrefix("-") { throw .badEndpoint(original, "a host name may not start with '-'") }
        guard parts.port.map({ (1...65535).contains($0) }) ?? true else { throw .badEndpoint(original, "the port is not a number from 1 to 65535") }
        let path = parts.path.trimmed(of: ["/"]).isEmpty ? nil : parts.path
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return .ssh(user: parts.user.flatMap { $0.isEmpty ? nil : $0 }, host: bare, port: parts.port, path: path)
    }

    static func description(user: String?, host: String, port: Int?, path: String?) -> String {
        let who = user.map { "\($0)@" } ?? ""
        let name = host.contains(":") ? "[\(host)]" : host
        return "ssh://\(who)\(name)\(port.map { ":\($0)" } ?? "")\(path ?? "")"
    }

    /// The ssh command line the docker CLI runs for this address (cli/connhelper/connhelper.go:
    /// `-o ConnectTimeout=30 -T`, then `[-l user] [-p port] -- host docker [--host=unix://path]
    /// system dial-stdio`). BatchMode=yes is ours: a password or passphrase prompt would write
    /// into the console's screen and wait forever, so ssh fails at once instead; host key
    /// checking stays as the user's ssh configuration sets it. `configFile` is `-F FILE`.
    static func arguments(user: String?, host: String, port: Int?, path: String?, connectTimeout: Int, configFile: String?) -> [String] {
        var argv = ["ssh"]
        if let configFile { argv += ["-F", configFile] }
        argv += ["-o", "ConnectTimeout=\(connectTimeout)", "-o", "BatchMode=yes", "-T"]
        if let user { argv += ["-l", user] }
        if let port { argv += ["-p", String(port)] }
        argv += ["--", host, "docker"]
        if let path { argv.append("--host=unix://\(path)") }
        return argv + ["system", "dial-stdio"]
    }
}
