import TestSupport
import Testing

/// Fails the run in CI when the engine is missing, so engine tests can never silently skip there.
@Suite struct TestEngineIsPresent {
    @Test(.enabled(if: TestEngine.required)) func engineIsConfiguredInCI() {
        #expect(TestEngine.available, "CI must run the engine tests: AILAB_TEST_DOCKER_HOST is missing")
    }
}
