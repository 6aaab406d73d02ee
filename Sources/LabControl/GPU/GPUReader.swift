#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the GPUs through NVML when the host has it. Blocking calls into a C library: run it
/// off the UI thread (the console polls it from a task of its own).
public final class GPUReader: Sendable {
    /// The library's usual name on Linux (the driver installs it); `AILAB_NVML_LIBRARY` overrides.
    public static let defaultLibrary = "libnvidia-ml.so.1"

    private let library: NVMLLibrary
    private let procRoot: String

    /// nil when there is no NVML (or no driver, no device): then nothing is shown and nothing fails.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, procRoot: String = "/proc") {
        let path = environment["AILAB_NVML_LIBRARY"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultLibrary
        guard let library = NVMLLibrary(path: path) else { return nil }
        self.library = library
        self.procRoot = procRoot
    }

    /// One reading of every device and its compute processes; devices NVML fails on are left out.
    public func read() -> GPUReading {
        var devices: [GPUReading.Device] = []
        var processes: [GPUReading.Compute] = []
        for index in 0..<(library.deviceCount ?? 0) {
            guard let device = library.device(index) else { continue }
            let memory = library.memory(device)
            devices.append(GPUReading.Device(
                index: Int(index), name: library.name(device) ?? "GPU \(index)", utilization: Int(library.utilization(device)?.gpu ?? 0),
                memoryUsed: memory?.used ?? 0, memoryTotal: memory?.total ?? 0))
            for process in library.processes(device) ?? [] {
                processes.append(GPUReading.Compute(
                    pid: process.pid, device: Int(index), memory: process.memory, containerID: CgroupContainer.id(ofPID: process.pid, procRoot: procRoot)))
            }
        }
        return GPUReading(devices: devices, processes: processes)
    }
}
