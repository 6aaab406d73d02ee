import Canvas
import Console
import ConsoleViews
import Foundation
import LabControl
import Testing

/// GPU use on screen: only with a reading (a host with NVML), only for ollama and the services
/// that reserve a GPU.
@Suite struct GPUViewTests {
    static func reading(ollama id: String) -> GPUReading {
        GPUReading(
            devices: [GPUReading.Device(index: 0, name: "Stand-in GPU", utilization: 37, memoryUsed: 6 << 30, memoryTotal: 24 << 30)],
            processes: [GPUReading.Compute(pid: 42, device: 0, memory: 3 << 29, containerID: id)])
    }

    @Test func servicesShowAGPUColumnOnlyWithAReading() throws {
        var state = try ConsoleFixtures.state(width: 130, height: 30)
        _ = Reducer.reduce(&state, .input(.key(.char("2"))))
        #expect(!ConsoleRenderer.render(state).text.contains("GPU"))
        _ = Reducer.reduce(&state, .gpu(Self.reading(ollama: "id-ollama")))
        let text = ConsoleRenderer.render(state).text
        let ollama = try #require(text.split(separator: "\n").first { $0.contains(" ollama ") })
        #expect(text.contains("GPU") && ollama.contains("37% 1.5G"))
        let qdrant = try #require(text.split(separator: "\n").first { $0.contains("qdrant") })
        #expect(!qdrant.contains("1.5G") && !qdrant.contains("37%"))
    }

    @Test func detailNamesTheDeviceAndTheUse() throws {
        var state = try ConsoleFixtures.state(width: 100, height: 40)
        _ = Reducer.reduce(&state, .gpu(Self.reading(ollama: "id-ollama")))
        state.selected = "ollama"
        _ = Reducer.reduce(&state, .input(.key(.enter)))
        let lines = state.frame.detailLines.map { $0.map(\.text).joined() }
        #expect(lines.contains { $0.contains("GPU 37% busy · 1.5G used on GPU 0 Stand-in GPU") })
        state.selected = "qdrant"
        _ = Reducer.reduce(&state, .input(.key(.enter)))
        #expect(!state.frame.detailLines.map { $0.map(\.text).joined() }.contains { $0.hasPrefix("GPU") })
    }
}
