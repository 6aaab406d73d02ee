@testable import DockerClient
import Testing

/// ssh:// addresses as the docker CLI reads them, and the ssh argv it runs for them.
struct SSHAddressTests {
    @Test func parsesUserHostPortAndSocket() throws {
        #expect(try DockerEndpoint.parse("ssh://me@lab") == .ssh(user: "me", host: "lab", port: nil, path: nil))
        #expect(try DockerEndpoint.parse("ssh://lab:2222/run/docker.sock") == .ssh(user: nil, host: "lab", port: 2222, path: "/run/docker.sock"))
        #expect(try DockerEndpoint.parse("ssh://me@lab:22").description == "ssh://me@lab:22")
        for bad in ["ssh://me:pw@lab", "ssh://", "ssh://lab?x=1", "ssh://lab#f", "ssh://-oProxyCommand=x"] {
            #expect(throws: DockerError.self, "\(bad)") { try DockerEndpoint.parse(bad) }
        }
    }

    @Test func theArgvIsTheDockerCLIsWithNoShell() {
        let argv = SSHAddress.arguments(user: "me", host: "lab", port: 2222, path: "/s.sock", connectTimeout: 10, configFile: "/cfg")
        #expect(argv == ["ssh", "-F", "/cfg", "-o", "ConnectTimeout=10", "-o", "BatchMode=yes", "-T", "-l", "me", "-p", "2222", "--", "lab",
                         "docker", "--host=unix:///s.sock", "system", "dial-stdio"])
        #expect(!argv.contains { $0.contains("StrictHostKeyChecking") })
    }

    @Test func aMissingSSHIsAnUnreachableEngineThatSaysSo() async throws {
        let transport = HTTPTransport(endpoint: .ssh(user: nil, host: "127.0.0.1", port: 1, path: nil), sshConfigFile: "/nonexistent/ailab-ssh-config")
        await #expect(throws: DockerError.self) {
            _ = try await transport.send(HTTPRequest(.get, "/_ping"), timeout: .seconds(10), operation: "ping")
        }
    }
}
