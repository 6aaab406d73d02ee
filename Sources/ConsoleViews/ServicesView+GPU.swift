import Canvas
import Console

/// The Services screen's GPU column, only on a host with NVML: memory and utilisation for
/// ollama and the services that reserve a GPU, blank for the others.
extension ServicesView {
    static let gpuColumn = Column(title: "GPU", width: 10, sort: nil) { state, status in
        guard status.service.showsGPU, let reading = state.gpu else { return ("", Style(.muted)) }
        guard let usage = reading.usage(of: Set(status.containers.map(\.id))) else { return ("-", Style(.muted)) }
        return ("\(usage.utilization)% \(Format.bytes(usage.memory))", Style(.text))
    }

    /// The columns in order, the GPU's last when there is a reading to show.
    static func columns(_ state: AppState) -> [Column] { state.gpu == nil ? columns : columns + [gpuColumn] }
}
