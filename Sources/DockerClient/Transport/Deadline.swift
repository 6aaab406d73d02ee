/// Runs `body`, giving up with `DockerError.timeout` once `limit` has passed.
///
/// The body is cancelled on time-out; the NIO streams it reads end on cancellation, so a
/// hung engine (accepting connections but never answering) cannot hold a caller forever.
public func withDeadline<T: Sendable>(
    _ limit: Duration,
    operation: String,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            let parts = limit.components
            throw DockerError.timeout(
                operation: operation,
                seconds: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
        }
        return value
    }
}
