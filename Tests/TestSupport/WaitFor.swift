/// Polls `condition` every `interval` (10 ms) until it holds or `limit` passes: true when it held. A
/// correctness test waits with this for something to happen, with a generous limit (30 s: the
/// suites run side by side on two loaded cores, and a passing wait returns at once); how fast
/// it happens is the benchmark's question, not the test's.
public func waitFor(
    _ limit: Duration = .seconds(30), every interval: Duration = .milliseconds(10), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}
