/// Which stream a log line came from.
public enum LogStream: UInt8, Sendable, Codable {
    case stdin = 0, stdout = 1, stderr = 2
}

/// One piece of a container's output.
public struct LogChunk: Sendable, Equatable {
    public var stream: LogStream
    public var bytes: [UInt8]

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init(stream: LogStream, bytes: [UInt8]) {
        self.stream = stream
        self.bytes = bytes
    }
}

/// Splits the engine's multiplexed log stream (containers without a TTY) into frames:
/// an 8-byte header `[stream, 0, 0, 0, size as big-endian UInt32]`, then the payload.
public struct LogFrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    public let maxFrame: Int

    public init(maxFrame: Int = 16 << 20) { self.maxFrame = maxFrame }

    public mutating func push(_ chunk: [UInt8]) throws -> [LogChunk] {
        buffer += chunk
        var frames: [LogChunk] = []
        var offset = 0
        while buffer.count - offset >= 8 {
            guard let stream = LogStream(rawValue: buffer[offset]), buffer[offset + 1] == 0, buffer[offset + 2] == 0,
                buffer[offset + 3] == 0
            else {
                throw DockerError.badResponse(operation: "logs", detail: "not a log frame header at byte \(offset)")
            }
            let size = buffer[(offset + 4)..<(offset + 8)].reduce(0) { $0 << 8 | Int($1) }
            guard size <= maxFrame else {
                throw DockerError.badResponse(operation: "logs", detail: "a frame of \(size) bytes")
            }
            guard buffer.count - offset - 8 >= size else { break }
            frames.append(LogChunk(stream: stream, bytes: Array(buffer[(offset + 8)..<(offset + 8 + size)])))
            offset += 8 + size
        }
        buffer.removeFirst(offset)
        return frames
    }

    /// True when a frame was cut off by the end of the stream.
    public var hasPartialFrame: Bool { !buffer.isEmpty }
}
