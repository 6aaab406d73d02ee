import DockerClient
import Foundation

/// One thing an action did or is doing, for the console's action log, the command line and
/// the log file. Texts are already masked: no secret value ever reaches an event.
public struct ActionEvent: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case started, done, failed, info, progress
    }

    public var time: Date
    public var action: ActionKind
    public var service: String?
    public var outcome: Outcome
    public var text: String
    /// Set on `.progress` events of a pull.
    public var pull: PullStatus?

    public init(time: Date = Date(), action: ActionKind, service: String?, outcome: Outcome, text: String, pull: PullStatus? = nil) {
        self.time = time
        self.action = action
        self.service = service
        self.outcome = outcome
        self.text = text
        self.pull = pull
    }

    /// "install qdrant: done  pulled qdrant/qdrant:v1.15"
    public var line: String {
        "\(action.rawValue)\(service.map { " \($0)" } ?? ""): \(outcome.rawValue)  \(text)"
    }
}

/// A pull's progress over all its layers, from the engine's progress lines.
public struct PullStatus: Sendable, Equatable {
    public struct Layer: Sendable, Equatable {
        public var id: String
        public var status: String
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
    public var finishedLayers: Int { layers.filter { Self.finished.contains($0.status) }.count }

    public static let finished: Set<String> = ["Pull complete", "Already exists", "Download complete"]

    public mutating func apply(_ line: PullProgress) {
        guard let id = line.id, let status = line.status else { return }
        // Lines about the tag itself ("1: Pulling from …") name no layer.
        if status.hasPrefix("Pulling from") { return }
        var layer = layers.first { $0.id == id } ?? Layer(id: id, status: status, current: 0, total: 0)
        layer.status = status
        if status == "Downloading" {
            if let total = line.total, total > 0 { layer.total = total }
            layer.current = line.current ?? layer.current
        } else if Self.finished.contains(status) || status == "Verifying Checksum" || status == "Extracting" {
            layer.current = layer.total  // the download part is whole
        }
        if let index = layers.firstIndex(where: { $0.id == id }) { layers[index] = layer } else { layers.append(layer) }
    }

    /// "12.3 MB / 40.1 MB, 2 of 5 layers"
    public var summary: String {
        "\(Self.bytes(downloaded)) / \(Self.bytes(total)), \(finishedLayers) of \(layers.count) layers"
    }

    public static func bytes(_ count: Int64) -> String {
        if count < 1000 { return "\(count) B" }
        if count < 1_000_000 { return String(format: "%.1f kB", Double(count) / 1000) }
        if count < 1_000_000_000 { return String(format: "%.1f MB", Double(count) / 1_000_000) }
        return String(format: "%.2f GB", Double(count) / 1_000_000_000)
    }
}
