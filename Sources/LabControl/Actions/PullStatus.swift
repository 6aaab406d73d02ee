import DockerClient
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A pull's progress over all its layers, from the engine's progress lines.
public struct PullStatus: Sendable, Equatable {
    public struct Layer: Sendable, Equatable {
        public var id: String
        /// The engine's own word for the layer, shown as is; `phase` is what it means.
        public var status: String
        public var phase: LayerPhase
        public var current: Int64
        public var total: Int64
    }

    public var image: String
    /// In the order the engine first mentioned them.
    public var layers: [Layer] = []

    public init(image: String) { self.image = image }

    /// Bytes downloaded so far, and the total announced so far (grows as layers report sizes).
    /// Saturating sums: sizes come from the engine, and a wrong one must not trap.
    public var downloaded: Int64 { layers.reduce(0) { Self.add($0, max(0, min($1.current, $1.total))) } }
    public var total: Int64 { layers.reduce(0) { Self.add($0, max(0, $1.total)) } }

    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
    public var finishedLayers: Int { layers.filter { $0.phase == .done }.count }

    public mutating func apply(_ line: PullProgress) {
        guard let id = line.id, let status = line.status else { return }
        // Lines about the tag itself ("1: Pulling from …") name no layer.
        if status.hasPrefix("Pulling from") { return }
        let phase = LayerPhase(engineStatus: status)
        var layer = layers.first { $0.id == id } ?? Layer(id: id, status: status, phase: phase, current: 0, total: 0)
        layer.status = status
        layer.phase = phase
        switch phase {
        case .downloading:
            if let total = line.total, total > 0 { layer.total = total }
            layer.current = line.current ?? layer.current
        case .done, .verifying, .extracting:
            layer.current = layer.total  // the download part is whole
        case .waiting, .other:
            break
        }
        if let index = layers.firstIndex(where: { $0.id == id }) { layers[index] = layer } else { layers.append(layer) }
    }

    /// "12.3 MB / 40.1 MB, 2 of 5 layers"
    public var summary: String {
        "\(Self.bytes(downloaded)) / \(Self.bytes(total)), \(finishedLayers) of \(layers.count) layers"
    }

    public static func bytes(_ count: Int64) -> String {
        if count < 1000 { return "\(count) B" }
        if count < 1_000_000 { return NumberText.fixed(Double(count) / 1000, places: 1) + " kB" }
        if count < 1_000_000_000 { return NumberText.fixed(Double(count) / 1_000_000, places: 1) + " MB" }
        return NumberText.fixed(Double(count) / 1_000_000_000, places: 2) + " GB"
    }
}
