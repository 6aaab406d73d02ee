/// Reassembles newline-delimited records from chunks that do not align with lines
/// (the events stream, pull progress). A line longer than `maxLine` is an error, so a
/// hostile engine cannot make the client buffer without bound.
public struct LineSplitter: Sendable {
    private var pending: [UInt8] = []
    public let maxLine: Int

    public init(maxLine: Int = 4 << 20) { self.maxLine = maxLine }

    /// Adds a chunk and returns every complete, non-empty line it finished.
    public mutating func push(_ chunk: [UInt8]) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = chunk.startIndex
        for index in chunk.indices where chunk[index] == UInt8(ascii: "\n") {
            pending += chunk[start..<index]
            if !pending.isEmpty { lines.append(pending) }
            pending = []
            start = index + 1
        }
        pending += chunk[start...]
        guard pending.count <= maxLine else {
            throw DockerError.badResponse(operation: "stream", detail: "a record longer than \(maxLine) bytes")
        }
        return lines
    }

    /// What remains when the stream ends: a last line without its newline.
    public mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
