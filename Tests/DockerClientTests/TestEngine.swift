import DockerClient
import Foundation
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

    /// A free loopback port, found by binding port 0 and closing again.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

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
