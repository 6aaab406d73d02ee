#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the host's NVIDIA GPUs are doing, read once through NVML: each device's utilisation and
/// memory, and each compute process with the container it runs in.
public struct GPUReading: Sendable, Equatable {
    public struct Device: Sendable, Equatable {
        public var index: Int
        public var name: String
        /// Percent of the last sample period a kernel ran.
        public var utilization: Int
        public var memoryUsed: UInt64
        public var memoryTotal: UInt64

        public init(index: Int, name: String, utilization: Int, memoryUsed: UInt64, memoryTotal: UInt64) {
            (self.index, self.name, self.utilization, self.memoryUsed, self.memoryTotal) = (index, name, utilization, memoryUsed, memoryTotal)
        }
    }

    /// A compute process (NVML's term) on one device.
    public struct Compute: Sendable, Equatable {
        public var pid: Int32
        public var device: Int
        /// nil when NVML may not say (it cannot see another namespace's process memory, say).
        public var memory: UInt64?
        /// The engine's full container id, from the process's cgroup; nil for a host process.
        public var containerID: String?

        public init(pid: Int32, device: Int, memory: UInt64?, containerID: String?) {
            (self.pid, self.device, self.memory, self.containerID) = (pid, device, memory, containerID)
        }
    }

    public var devices: [Device]
    public var processes: [Compute]

    public init(devices: [Device], processes: [Compute]) {
        self.devices = devices
        self.processes = processes
    }

    /// A service's (or any set of containers') share: the memory its processes use and the
    /// busiest utilisation among the devices they run on. nil when none of them uses a GPU.
    public func usage(of containerIDs: Set<String>) -> (memory: UInt64, utilization: Int, devices: [Int])? {
        let mine = processes.filter { $0.containerID.map(containerIDs.contains) == true }
        guard !mine.isEmpty else { return nil }
        let used = Set(mine.map(\.device))
        let memory = mine.reduce(UInt64(0)) { total, process in
            let (sum, overflow) = total.addingReportingOverflow(process.memory ?? 0)
            return overflow ? .max : sum
        }
        return (memory, devices.filter { used.contains($0.index) }.map(\.utilization).max() ?? 0, used.sorted())
    }
}
