@testable import DockerClient
import Foundation
import Testing

/// Answers no real engine gives on demand, from the fake engine: each must end in a typed
/// `DockerError` within the request's time limit, never a trap or a hang.
@Suite struct HostileAnswerTests {
    func outcome(_ answer: [FakeEngine.Step], timeout: Duration = .seconds(2), _ call: (DockerClient) async throws -> Void) async -> DockerError? {
        guard let engine = try? FakeEngine(answer: answer) else { return nil }
        defer { engine.stop() }
        let client = DockerClient(endpoint: .unix(path: engine.path), requestTimeout: timeout)
        do {
            try await call(client)
            return nil
        } catch let error as DockerError {
            return error
        } catch {
            Issue.record("an untyped error escaped: \(error)")
            return nil
        }
    }

    @Test func truncatedJSON() async {
        let error = await outcome([.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n[{\"Id\":\"abc\",\"Na")]) {
            _ = try await $0.listContainers()
        }
        #expect(error == .streamEnded(operation: "list containers") || error?.description.contains("list containers") == true, "\(String(describing: error))")
    }

    @Test func wrongTypes() async {
        // One list item of the wrong shape is one unreadable row saying why (issue 11, item 4).
        let body = #"[{"Id": 42, "Names": "not a list"}]"#
        let error = await outcome([.send("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) {
            let listed = try await $0.listContainers()
            #expect(listed.count == 1 && listed[0].state == "unknown")
            #expect(listed[0].problem?.contains("[0]") == true && listed[0].problem?.contains("Id") == true, "\(listed)")
        }
        #expect(error == nil)
        let notAList = await outcome([.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")]) { _ = try await $0.listContainers() }
        guard case .badResponse(let operation, _)? = notAList else { Issue.record("got \(String(describing: notAList))"); return }
        #expect(operation == "list containers")
    }

    @Test func aHugeBodyIsRefusedNotBuffered() async throws {
        let chunk = [UInt8](repeating: 0x5B, count: 1 << 20)
        var answer: [FakeEngine.Step] = [.send("HTTP/1.1 200 OK\r\nContent-Length: \(80 << 20)\r\n\r\n")]
        answer += Array(repeating: .bytes(chunk), count: 80)
        let error = await outcome(answer, timeout: .seconds(20)) { _ = try await $0.listContainers() }
        guard case .badResponse(_, let detail)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(detail.contains("larger than 64 MiB"))
    }

    @Test func aSlowDripTimesOut() async {
        var answer: [FakeEngine.Step] = [.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")]
        for _ in 0..<100 { answer += [.send("["), .pause(0.1)] }
        let error = await outcome(answer, timeout: .milliseconds(500)) { _ = try await $0.listContainers() }
        #expect(error == .timeout(operation: "list containers", seconds: 0.5))
    }

    @Test func brokenChunkedEncoding() async {
        let error = await outcome([.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n")]) { _ = try await $0.listContainers() }
        guard case .badResponse? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func notHTTPAtAll() async {
        let error = await outcome([.send("SSH-2.0-OpenSSH_9.2\r\n")]) { _ = try await $0.listContainers() }
        #expect(error != nil)
    }

    @Test func aLogStreamCutMidFrame() async {
        let frame: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 10] + Array("hel".utf8)
        let error = await outcome([.send("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"), .bytes(frame)]) { client in
            for try await _ in try await client.logs("x", LogQuery(follow: true)) {}
        }
        #expect(error == .streamEnded(operation: "logs x"))
    }

    @Test func anEventsStreamCutMidRecord() async {
        let answer: [FakeEngine.Step] = [
            .send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"),
            .send("1c\r\n{\"Type\":\"container\",\"Action\"\r\n"),
        ]
        var received = 0
        let error = await outcome(answer) { client in
            for try await _ in try await client.events() { received += 1 }
        }
        #expect(received == 0)
        #expect(error != nil)
    }

    @Test func anEngineErrorCarriesItsMessage() async {
        let body = #"{"message":"page not found"}"#
        let error = await outcome([.send("HTTP/1.1 404 Not Found\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) { _ = try await $0.inspectContainer("x") }
        #expect(error == .notFound("page not found"))
    }
}

/// What the fuzzer found, kept as a test: an event whose `time` overflows nanoseconds.
@Test func anEventTimeTooLargeForNanosecondsDoesNotTrap() throws {
    let event = try JSONDecoder().decode(EngineEvent.self, from: Data(#"{"Type":"container","Action":"die","time":922337203685477580}"#.utf8))
    #expect(event.timeNano == .max)
    let negative = try JSONDecoder().decode(EngineEvent.self, from: Data(#"{"time":-922337203685477580}"#.utf8))
    #expect(negative.timeNano == .min)
}
