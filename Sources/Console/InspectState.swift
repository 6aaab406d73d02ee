/// The Inspect overlay (`I`): one container's inspect document, scrolled and searched.
public struct InspectState: Sendable, Equatable {
    public var service: String?
    /// Which of the service's containers, by id, and its name for the title.
    public var containerID: String?
    public var containerName = ""
    public var lines: [String] = []
    /// The first line shown.
    public var scroll = 0
    public var search = ""
    public var editingSearch = false
    /// "no match", or the engine's refusal, until the next key.
    public var message: String?

    public init() {}

    /// The next line (after or before `scroll`, wrapping) that holds the search text.
    public func match(forward: Bool, includingCurrent: Bool) -> Int? {
        let needle = search.lowercased()
        guard !needle.isEmpty, !lines.isEmpty else { return nil }
        let count = lines.count
        let start = includingCurrent ? 0 : 1
        for step in start..<(count + start) {
            let index = ((forward ? scroll + step : scroll - step) % count + count) % count
            if lines[index].lowercased().contains(needle) { return index }
        }
        return nil
    }
}
