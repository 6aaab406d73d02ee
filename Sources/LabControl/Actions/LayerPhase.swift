/// Where a layer of a pull is, from the engine's progress word: decided here, so no view tests
/// an engine word. The words are the engine's pull progress statuses (moby's
/// distribution/xfer progress: "Waiting", "Downloading", "Verifying Checksum", "Download
/// complete", "Extracting", "Pull complete", "Already exists").
public enum LayerPhase: Sendable, Equatable {
    case waiting, downloading, verifying, extracting, done
    /// A word this client does not know: shown as the engine said it.
    case other

    public init(engineStatus status: String) {
        switch status {
        case "Waiting", "Pulling fs layer": self = .waiting
        case "Downloading": self = .downloading
        case "Verifying Checksum": self = .verifying
        case "Extracting": self = .extracting
        case "Pull complete", "Already exists", "Download complete": self = .done
        default: self = .other
        }
    }
}
