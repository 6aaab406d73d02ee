import DockerClient
import Foundation
import TestSupport
import Testing

/// The private engine `scripts/test-engine.sh` starts; its address arrives in the environment.
enum TestEngine {
    static let environment = ProcessInfo.processInfo.environment
    static let host = environment["AILAB_TEST_DOCKER_HOST"]
    static let registry = environment["AILAB_TEST_REGISTRY"]
    static var available: Bool { host != nil }
    /// In CI the engine tests must run, never skip.
    static var required: Bool { environment["CI"] == "true" }

    static func client(timeout: Duration = .seconds(10)) throws -> DockerClient {
        let host = try #require(host, "AILAB_TEST_DOCKER_HOST is not set: run the tests through scripts/test.sh")
        return DockerClient(endpoint: try DockerEndpoint.parse(host), requestTimeout: timeout)
    }

    /// A name no other test (or earlier run) uses.
    static func uniqueName(_ base: String) -> String { "\(base)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// A free loopback port (one helper for every test target: TestSupport's).
    static func freePort() -> Int { TestSupport.freePort() }

    /// An httpd container spec whose healthcheck fetches `healthPath` every half second.
    static func httpdSpec(healthPath: String? = "/health", labels: [String: String] = [:], hostPort: Int? = nil) -> ContainerSpec {
        var spec = ContainerSpec(image: "ailab-fixture/httpd:1")
        spec.labels = labels
        if let healthPath {
            spec.healthcheck = ContainerSpec.Healthcheck(
                test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080\(healthPath)"],
                interval: 500_000_000, timeout: 2_000_000_000, retries: 1)
        }
        if let hostPort { spec.publish(containerPort: 8080, hostPort: hostPort, hostIP: "127.0.0.1") }
        return spec
    }

    /// Polls `condition` until it holds or `seconds` pass (engines take their time; no fixed sleeps).
    static func eventually(_ seconds: Double = 15, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

/// Fails the run in CI when the engine is missing, so engine tests can never silently skip there.
@Suite struct TestEngineIsPresent {
    @Test(.enabled(if: TestEngine.required)) func engineIsConfiguredInCI() {
        #expect(TestEngine.available, "CI must run the engine tests: AILAB_TEST_DOCKER_HOST is missing")
    }
}
