@testable import DockerClient
import Foundation
import NIOCore
import Testing

/// Faults that need no engine: a dead socket, a silent server, malformed addresses and answers.
@Suite struct TransportFaultTests {
    @Test func aMissingSocketIsUnreachableAtOnce() async throws {
        let client = DockerClient(endpoint: .unix(path: "/tmp/ailab-no-such-\(UUID()).sock"))
        await #expect {
            try await client.listContainers()
        } throws: { error in
            guard case DockerError.unreachable(_, let reason) = error else { return false }
            return reason.contains("no socket")
        }
    }

    @Test func aRefusedTCPPortIsUnreachable() async throws {
        let client = DockerClient(endpoint: .tcp(host: "127.0.0.1", port: 1))
        await #expect {
            try await client.ping()
        } throws: { error in
            guard case DockerError.unreachable(_, let reason) = error else { return false }
            return reason.contains("refused")
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        // A hung engine: it takes the connection and the request and never says a word. The
        // error is the outcome (a server that gave up would end differently); how soon, the benchmark's.
        let server = try FakeEngine { _ in [.pause(30)] }
        defer { server.stop() }
        let client = DockerClient(endpoint: .unix(path: server.path), requestTimeout: .milliseconds(300))
        await #expect {
            try await client.ping()
        } throws: { error in
            guard case DockerError.timeout(let operation, _) = error else { return false }
            return operation == "ping"
        }
    }

    @Test func permissionErrorsCarryTheDockerGroupHint() {
        let error = ConnectFailure.classify(IOError(errnoCode: EACCES, reason: "connect"), endpoint: .defaultSocket)
        #expect(error == .permissionDenied(endpoint: "unix:///var/run/docker.sock"))
        #expect(error.description.contains("docker group"))
    }

    @Test func parsesDockerHost() throws {
        #expect(try DockerEndpoint.parse("unix:///run/user/1000/docker.sock") == .unix(path: "/run/user/1000/docker.sock"))
        #expect(try DockerEndpoint.parse("tcp://10.0.0.5:2376") == .tcp(host: "10.0.0.5", port: 2376))
        #expect(try DockerEndpoint.parse("tcp://lab") == .tcp(host: "lab", port: 2375))
        #expect(try DockerEndpoint.parse("tcp://[::1]:2375") == .tcp(host: "::1", port: 2375))
        #expect(try DockerEndpoint.fromEnvironment([:]) == .defaultSocket)
        #expect(try DockerEndpoint.fromEnvironment(["DOCKER_HOST": ""]) == .defaultSocket)
        #expect(throws: DockerError.self) { try DockerEndpoint.parse("tcp://lab:99999") }
        #expect(throws: DockerError.self) { try DockerEndpoint.parse("npipe:////./pipe/docker_engine") }
        #expect(throws: DockerError.self) { try DockerEndpoint.parse("unix://relative.sock") }
    }

    @Test func engineMessagesAreReadFromJSONOrText() {
        #expect(DockerClient.engineMessage(Array(#"{"message":"No such container: x"}"#.utf8)) == "No such container: x")
        #expect(DockerClient.engineMessage(Array("page not found\nmore".utf8)) == "page not found")
        #expect(DockerClient.engineMessage([]) == "(no message)")
    }

    @Test func splitsLinesAcrossChunks() throws {
        var splitter = LineSplitter(maxLine: 16)
        #expect(try splitter.push(Array("{\"a\":".utf8)) == [])
        #expect(try splitter.push(Array("1}\n{\"b\"".utf8)) == [Array("{\"a\":1}".utf8)])
        #expect(try splitter.push(Array(":2}\n\n".utf8)) == [Array("{\"b\":2}".utf8)])
        #expect(splitter.finish() == nil)
        #expect(throws: DockerError.self) { try splitter.push(Array(repeating: 65, count: 17)) }
    }

    @Test func demultiplexesLogFramesSplitAnywhere() throws {
        let frames: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 3] + Array("out".utf8) + [2, 0, 0, 0, 0, 0, 0, 4] + Array("err\n".utf8)
        for cut in 0...frames.count {
            var decoder = LogFrameDecoder()
            let chunks = try decoder.push(Array(frames[..<cut])) + decoder.push(Array(frames[cut...]))
            #expect(chunks == [LogChunk(stream: .stdout, bytes: Array("out".utf8)), LogChunk(stream: .stderr, bytes: Array("err\n".utf8))])
            #expect(!decoder.hasPartialFrame)
        }
        var decoder = LogFrameDecoder()
        #expect(throws: DockerError.self) { try decoder.push(Array("plain text, no frames".utf8)) }
    }

    @Test func typedErrorsForMalformedAnswers() throws {
        let client = DockerClient(endpoint: .defaultSocket)
        let response = HTTPResponse(status: 200, headers: [], body: Array(#"[{"Id": 5}]"#.utf8))
        #expect {
            try client.decode([ContainerSummary].self, response, operation: "list containers")
        } throws: { error in
            guard case DockerError.badResponse(_, let detail) = error else { return false }
            return detail.contains("[0]")
        }
    }
}
