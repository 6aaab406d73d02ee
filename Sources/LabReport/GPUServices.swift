import LabCatalog
import LabModel
import LabControl

/// The services whose GPU use is shown: ollama, and any with a GPU reservation (compose's
/// `deploy.resources.reservations.devices` with `capabilities: [gpu]`, or `gpus:`; compose-spec
/// deploy.md, "devices").
extension LabService {
    public var showsGPU: Bool {
        name == "ollama" || components.contains { $0.deviceReservations.contains { $0.capabilities.contains("gpu") } }
    }
}

/// `gpu` of `ailab status --json` (absent without NVML): each device, and each GPU service's use.
public struct GPUReport: Encodable, Sendable {
    struct Device: Encodable, Sendable {
        let index: Int
        let name: String
        let utilizationPercent: Int
        let memoryUsedBytes: UInt64
        let memoryTotalBytes: UInt64
    }

    struct Service: Encodable, Sendable {
        let service: String
        /// Memory its containers' compute processes use; 0 when none runs on a GPU.
        let memoryBytes: UInt64
        /// The busiest of the devices its processes run on; null when none does.
        @Nullable var utilizationPercent: Int?
        let devices: [Int]
    }

    let devices: [Device]
    let services: [Service]

    public init(_ reading: GPUReading, snapshot: LabSnapshot) {
        devices = reading.devices.map {
            Device(index: $0.index, name: $0.name, utilizationPercent: $0.utilization, memoryUsedBytes: $0.memoryUsed, memoryTotalBytes: $0.memoryTotal)
        }
        services = snapshot.services.filter(\.service.showsGPU).map { status in
            let usage = reading.usage(of: Set(status.containers.map(\.id)))
            return Service(service: status.service.name, memoryBytes: usage?.memory ?? 0, utilizationPercent: usage?.utilization, devices: usage?.devices ?? [])
        }
    }
}
