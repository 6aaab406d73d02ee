// libFuzzer entry for everything that reads bytes the engine (or a catalog) sends: the JSON
// models of every answer, the newline-delimited JSON splitter of events and pull progress, the
// log frame demultiplexer, API version parsing, and catalog variable interpolation.
// Built by scripts/fuzz.sh with `swiftc -sanitize=fuzzer,address` from the same source files
// the package compiles; a crash or a sanitizer report fails the run.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let decoder = JSONDecoder()
    switch selector % 10 {
    case 0: _ = try? decoder.decode([ContainerSummary].self, from: Data(input))
    case 1: _ = try? decoder.decode(ContainerInspect.self, from: Data(input))
    case 2: _ = try? decoder.decode(EngineEvent.self, from: Data(input))
    case 3: _ = try? decoder.decode(ContainerStats.self, from: Data(input))
    case 4: _ = try? decoder.decode(EngineVersion.self, from: Data(input))
    case 5: _ = try? decoder.decode([ImageSummary].self, from: Data(input))
    case 6:
        // Newline-delimited JSON cut into chunks where the input says: events and pull progress.
        var splitter = LineSplitter(maxLine: 1 << 16)
        for chunk in chunks(input) {
            guard let lines = try? splitter.push(chunk) else { return 0 }
            for line in lines {
                _ = try? decoder.decode(PullProgress.self, from: Data(line))
                _ = try? decoder.decode(EngineEvent.self, from: Data(line))
            }
        }
        _ = splitter.finish()
    case 7:
        var frames = LogFrameDecoder(maxFrame: 1 << 16)
        for chunk in chunks(input) {
            guard let decoded = try? frames.push(chunk) else { return 0 }
            for frame in decoded { _ = frame.text }
        }
        _ = frames.hasPartialFrame
    case 8:
        _ = APIVersion(String(decoding: input, as: UTF8.self))
    default:
        let text = String(decoding: input, as: UTF8.self)
        _ = try? Interpolation.expand(text, context: "fuzz") { $0.count % 2 == 0 ? "v$" + $0 : nil }
        _ = Interpolation.names(in: text)
    }
    return 0
}

/// Splits `bytes` at every 0xFF byte, so the fuzzer chooses where chunk boundaries fall.
private func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map(Array.init)
}
