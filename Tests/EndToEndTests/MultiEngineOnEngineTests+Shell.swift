import DockerClient
import Foundation
@testable import LabControl
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The console's shell (`e`) over the two remote transports: an exec with a TTY started on a
/// connection through ssh's dial-stdio (box-a) and through the TLS relay (box-b).
extension MultiEngineOnEngineTests {
    /// On each box: a shell reads what is typed, prints 42 and ends with exit code 3.
    static func checkShell(_ dir: String) async throws {
        let tcp = try DockerEndpoint.parse(try #require(environment["AILAB_TEST_NETNS_B_TCP"]))
        let overTLS = DockerClient(endpoint: tcp, tls: EngineTLS(caFile: dir + "/tls/ca.pem", certFile: dir + "/tls/cert.pem", keyFile: dir + "/tls/key.pem"))
        let target = try DockerContexts(environment: environment).resolve(requested: ["box-a"], host: nil)[0]
        let overSSH = DockerClient(endpoint: target.endpoint, requestTimeout: .seconds(10), sshConfigFile: environment["AILAB_SSH_CONFIG"])
        for (client, container) in [(overTLS, "/netlab-api-1"), (overSSH, "/netlab-web-1")] {
            let id = try #require(try await client.listContainers(all: false).first { $0.names.contains(container) }?.id, "\(container) runs")
            let session = try await client.openShell(id, term: "xterm", size: TerminalSize(rows: 24, columns: 80))
            // $((6*7)): the TTY echoes what is typed, so only the shell's answer can read 42.
            #expect(session.connection.writeAll(Array("echo $((6*7)); exit 3\n".utf8)))
            let output = readToEnd(session.connection, within: .seconds(20))
            session.connection.close()
            #expect(output.split(whereSeparator: \.isNewline).contains { $0.trimmingCharacters(in: .whitespaces) == "42" }, "\(client.endpoint): \(output)")
            var state = try await client.inspectExec(session.execID)
            for _ in 0..<20 where state.running {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.inspectExec(session.execID)
            }
            #expect(state.exitCode == 3, "\(client.endpoint): \(state)")
        }
    }

    /// Everything the shell printed until the engine closed the connection (or `limit` passed).
    static func readToEnd(_ connection: HijackedConnection, within limit: Duration) -> String {
        let deadline = ContinuousClock.now + limit
        var output: [UInt8] = []
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: connection.fd, events: Int16(POLLIN), revents: 0)
            if connection.early.isEmpty && poll(&poller, 1, 200) <= 0 { continue }
            let bytes = connection.read()
            if bytes.isEmpty { return String(decoding: output, as: UTF8.self) }
            output += bytes
        }
        Issue.record("the shell's connection did not end within \(limit)")
        return String(decoding: output, as: UTF8.self)
    }
}
