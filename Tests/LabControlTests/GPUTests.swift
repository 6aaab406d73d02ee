import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
@testable import LabReport
import TestSupport
import Testing

/// GPU use through NVML, with a stand-in library built here: devices, processes, the mapping of
/// a process to its container through its cgroup, and the `gpu` object of `ailab status --json`.
@Suite(.serialized) struct GPUTests {
    static let yaml = """
        name: lab
        services:
          ollama:
            image: ollama/ollama:0.5
          llm:
            image: example/llm:1
            deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}
          web:
            image: example/web:1
        """

    @Test func withoutNVMLThereIsNoReaderAndNoGPUKey() throws {
        #expect(GPUReader(environment: ["AILAB_NVML_LIBRARY": "/nonexistent/libnvidia-ml.so.1"]) == nil)
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "gpu.yaml")
        let json = StatusReport(LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [])).json()
        #expect(!json.contains("\"gpu\""))
    }

    @Test func cgroupLinesNameTheContainer() {
        let id = String(repeating: "ab12", count: 16)
        #expect(CgroupContainer.id(inCgroup: "12:memory:/docker/\(id)\n11:cpu:/docker/\(id)\n") == id)
        #expect(CgroupContainer.id(inCgroup: "0::/system.slice/docker-\(id).scope\n") == id)
        #expect(CgroupContainer.id(inCgroup: "4:memory:/process_api/a42e/docker/\(id)\n0::/\n") == id)
        #expect(CgroupContainer.id(inCgroup: "0::/user.slice/user-0.slice/session-3.scope\n") == nil)
        #expect(CgroupContainer.id(ofPID: -1) == nil)
    }

    @Test func theStandInIsReadAsNVMLAndAHostProcessHasNoContainer() throws {
        let library = try NVMLStandIn.build()
        setenv("STANDIN_NVML_PID", String(getpid()), 1)
        defer { unsetenv("STANDIN_NVML_PID") }
        let reader = try #require(GPUReader(environment: ["AILAB_NVML_LIBRARY": library]))
        let reading = reader.read()
        #expect(reading.devices == [GPUReading.Device(index: 0, name: "Stand-in GPU", utilization: 37, memoryUsed: 6 << 30, memoryTotal: 24 << 30)])
        #expect(reading.processes.map(\.pid) == [getpid()])
        #expect(reading.processes.first?.memory == 3 << 29)
        #expect(reading.processes.first?.containerID == CgroupContainer.id(ofPID: getpid()))
        unsetenv("STANDIN_NVML_PID")
        #expect(reader.read().processes.isEmpty)
    }

    @Test func statusJSONGivesOllamaAndReservingServicesTheirShare() throws {
        let catalog = try CatalogLoader.load(yaml: Self.yaml, file: "gpu.yaml")
        var ollama = Fixtures.container("lab-ollama-1", service: "ollama", image: "ollama/ollama:0.5")
        ollama.id = String(repeating: "c0", count: 32)
        let snapshot = LabSnapshot(catalog: catalog, engine: Fixtures.reachable, containers: [ollama])
        let reading = GPUReading(
            devices: [GPUReading.Device(index: 0, name: "Stand-in GPU", utilization: 37, memoryUsed: 6 << 30, memoryTotal: 24 << 30)],
            processes: [GPUReading.Compute(pid: 42, device: 0, memory: 3 << 29, containerID: ollama.id), GPUReading.Compute(pid: 7, device: 0, memory: 1 << 20, containerID: nil)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(StatusReport(snapshot, gpu: reading).json().utf8)) as? [String: Any])
        let gpu = try #require(json["gpu"] as? [String: Any])
        let services = try #require(gpu["services"] as? [[String: Any]])
        #expect(services.map { $0["service"] as? String } == ["ollama", "llm"])  // web reserves no GPU
        #expect(services[0]["memoryBytes"] as? Int == 3 << 29 && services[0]["utilizationPercent"] as? Int == 37)
        #expect(services[1]["memoryBytes"] as? Int == 0 && services[1]["utilizationPercent"] is NSNull)
        #expect((gpu["devices"] as? [[String: Any]])?.first?["memoryTotalBytes"] as? Int == 24 << 30)
    }
}
