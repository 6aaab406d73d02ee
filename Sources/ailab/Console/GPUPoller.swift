import Console
import ConsoleEffects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// Reads the GPUs through NVML every few seconds in a task of its own (a C library's blocking
/// calls never run on the UI thread) and posts a reading only when it changed, so an idle GPU
/// costs the console no frames. On a host without NVML the task ends at once, having posted nothing.
enum GPUPoller {
    static let interval = Duration.seconds(2)

    static func start(_ inbox: Inbox) -> Task<Void, Never>? {
        Task.detached {
            guard let reader = GPUReader() else { return }
            var last: GPUReading?
            while !Task.isCancelled {
                let reading = reader.read()
                if reading != last {
                    last = reading
                    inbox.post(.gpu(reading))
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
