@testable import DockerClient
import Foundation
import Testing

/// The exec API's edges, from the fake engine: which shell is picked, an image with none, the
/// upgraded stream, a refused start and an engine that never answers the upgrade.
@Suite struct ExecTests {
    static let notFound = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n"
    static let found = "HTTP/1.1 200 OK\r\nX-Docker-Container-Path-Stat: e30=\r\nContent-Length: 0\r\n\r\n"

    func client(_ script: @escaping (String) -> [FakeEngine.Step]) throws -> (FakeEngine, DockerClient) {
        let engine = try FakeEngine { line in line.contains("/_ping") ? FakeEngine.ping : script(line) }
        return (engine, DockerClient(endpoint: .unix(path: engine.path), requestTimeout: .seconds(2)))
    }

    @Test func bashIsPreferredAndShIsTheFallback() async throws {
        let (engine, client) = try client { line in [.send(line.contains("bash") ? Self.notFound : Self.found)] }
        defer { engine.stop() }
        #expect(try await client.pickShell("c1") == "/bin/sh")
        let (both, bothClient) = try self.client { _ in [.send(Self.found)] }
        defer { both.stop() }
        #expect(try await bothClient.pickShell("c1") == "/bin/bash")
    }

    @Test func anImageWithNoShellIsSaidSoAndNothingIsStarted() async throws {
        let requests = RequestLog()
        let (engine, client) = try client { line in
            requests.append(line)
            return [.send(Self.notFound)]
        }
        defer { engine.stop() }
        await #expect(throws: ShellError.self) { _ = try await client.openShell("c1", term: "xterm", size: nil) }
        #expect(ShellError.noShell(tried: DockerClient.shellCandidates).description == "its image has no shell (looked for /bin/bash and /bin/sh)")
        #expect(requests.lines.allSatisfy { $0.hasPrefix("HEAD ") }, "\(requests.lines)")
    }

    @Test func theUpgradedStreamCarriesTheTTYsOutput() async throws {
        let (engine, client) = try client { _ in
            [.send("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n/ # "),
             .pause(0.1), .send("42\r\n")]
        }
        defer { engine.stop() }
        let connection = try await client.startExec("e1")
        var output: [UInt8] = []
        while true {
            let bytes = connection.read()
            if bytes.isEmpty { break }
            output += bytes
        }
        #expect(String(decoding: output, as: UTF8.self) == "/ # 42\r\n")
    }

    @Test func aRefusedStartCarriesTheEnginesMessage() async throws {
        let body = #"{"message":"Container c1 is paused, unpause the container before exec"}"#
        let (engine, client) = try client { _ in [.send("HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")] }
        defer { engine.stop() }
        await #expect(throws: DockerError.conflict("Container c1 is paused, unpause the container before exec")) { _ = try await client.startExec("e1") }
    }

    @Test func anEngineThatNeverAnswersTheUpgradeTimesOut() async throws {
        let (engine, client) = try client { _ in [.pause(3)] }
        defer { engine.stop() }
        await #expect {
            _ = try await client.startExec("e1", timeout: .milliseconds(300))
        } throws: { error in
            if case DockerError.timeout = error { return true } else { return false }
        }
    }
}

/// Request lines the fake engine saw, from its threads.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
