@testable import DockerClient
import Foundation
import Testing

extension HostileAnswerTests {
    /// An engine error whose body never ends, dripped a byte at a time or flooded, is read within
    /// the request's time limit and only up to 64 KiB: the caller gets the engine's status at
    /// once, not a hang. (The whole test is bounded too, so a regression fails, not hangs.)
    @Test(arguments: [0.2, 0])
    func anEndlessErrorBodyIsCutShort(pause: Double) async throws {
        let chunk = pause > 0 ? "1\r\nx\r\n" : String(1 << 16, radix: 16) + "\r\n" + String(repeating: "x", count: 1 << 16) + "\r\n"
        let answer: [FakeEngine.Step] = [.send("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n")]
            + Array(repeating: [FakeEngine.Step.send(chunk), .pause(pause)], count: 100_000).flatMap { $0 }
        let error = try await withDeadline(.seconds(30), operation: "the whole test") {
            await self.outcome(answer, timeout: .seconds(1)) { client in
                for try await _ in try await client.logs("x", LogQuery(follow: true)) {}
            }
        }
        guard case .engine(500, _)? = error else { Issue.record("got \(String(describing: error))"); return }
    }
}
