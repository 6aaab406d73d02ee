import DockerClient
import Foundation

/// The private engine `scripts/test-engine.sh` starts, its address in the environment: the one
/// helper every engine test reaches it through (EndToEndTests' `EngineLab` builds lab-shaped
/// containers on it).
public enum TestEngine {
    public static let environment = ProcessInfo.processInfo.environment
    public static let host = environment["AILAB_TEST_DOCKER_HOST"]
    public static let registry = environment["AILAB_TEST_REGISTRY"]
    public static var available: Bool { host != nil }
    /// In CI the engine tests must run, never skip.
    public static var required: Bool { environment["CI"] == "true" }
    /// Whether engine suites run: with an engine, and always in CI (where a missing one fails them).
    public static var enabled: Bool { available || required }

    /// Thrown by `client` without an engine, so the test fails saying how to get one.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "AILAB_TEST_DOCKER_HOST is not set: run the tests through scripts/test.sh" }
    }

    public static func client(timeout: Duration = .seconds(10)) throws -> DockerClient {
        guard let host else { throw Missing() }
        return DockerClient(endpoint: try DockerEndpoint.parse(host), requestTimeout: timeout)
    }

    /// A name no other test (or earlier run) uses.
    public static func uniqueName(_ base: String) -> String { "\(base)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// An httpd fixture container whose healthcheck fetches `healthPath` every `interval`.
    public static func httpdSpec(
        healthPath: String? = "/health", labels: [String: String] = [:], hostPort: Int? = nil, interval: Duration = .milliseconds(500)
    ) -> ContainerSpec {
        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
        spec.labels = labels
        if let healthPath {
            let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
            spec.healthcheck = ContainerSpec.Healthcheck(
                test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080\(healthPath)"],
                interval: nanoseconds, timeout: 2_000_000_000, retries: 1)
        }
        if let hostPort { spec.publish(containerPort: 8080, hostPort: hostPort, hostIP: "127.0.0.1") }
        return spec
    }
}
