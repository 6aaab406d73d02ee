import Canvas
import Console
import ConsoleViews
import Foundation
import XCTest

/// The Containers screen at 80x24 and 120x40 (with a CPU sparkline), and at 1x1 and 0x0 (the
/// shared `check` draws every snapshot there too).
extension ViewSnapshotTests {
    func testContainersAt80x24() throws {
        var state = try ContainersScreenTests.state()
        state.selectedContainer = "id-other-web"
        state.stats["id-other-web"] = StatsSample(cpuPercent: 7.5, memoryBytes: 12 << 20, memoryLimit: 1 << 30)
        check(state, "containers-80x24")
    }

    func testContainersAt120x40() throws {
        var state = try ContainersScreenTests.state(width: 120, height: 40)
        state.selectedContainer = "id-demo-langfuse"
        for second in 0..<12 {
            let sample = StatsSample(cpuPercent: Double(second % 6) * 15, memoryBytes: 400 << 20, memoryLimit: 8 << 30)
            state.stats["id-demo-langfuse"] = sample
            state.history["id-demo-langfuse", default: StatsHistory()].append(sample)
        }
        check(state, "containers-120x40")
    }

    func testContainersTiny() throws {
        for (width, height) in [(1, 1), (0, 0)] {
            var state = try ContainersScreenTests.state(width: width, height: height)
            state.refreshFrame()
            XCTAssertEqual(ConsoleRenderer.render(state).lines.count, height)
        }
    }
}
