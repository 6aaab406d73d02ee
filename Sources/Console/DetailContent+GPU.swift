import Canvas
import LabModel

/// The Detail overlay's GPU line, on a host with NVML, for ollama and the services that
/// reserve a GPU: the memory its processes use and how busy their devices are.
extension DetailContent {
    static func gpuLines(_ state: AppState, _ status: ServiceStatus) -> [Line] {
        guard status.service.showsGPU, let reading = state.gpu else { return [] }
        guard let usage = reading.usage(of: Set(status.containers.map(\.id))) else {
            let why = reading.devices.isEmpty ? "NVML reports no device" : "no process of it runs on a GPU"
            return [[(text: "GPU ", style: Style(.title)), (text: why, style: Style(.muted))]]
        }
        let devices = reading.devices.filter { usage.devices.contains($0.index) }.map { "GPU \($0.index) \($0.name)" }
        return [[
            (text: "GPU ", style: Style(.title)),
            (text: "\(usage.utilization)% busy · \(Format.bytes(usage.memory)) used", style: Style(.text)),
            (text: " on \(devices.joined(separator: ", "))", style: Style(.muted)),
        ]]
    }
}
