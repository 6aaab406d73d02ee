#if canImport(Glibc)
import Glibc
#endif

/// NVIDIA's management library (NVML), opened at run time with dlopen so ailab neither links
/// nor needs it: on a host without `libnvidia-ml.so.1` nothing is loaded and nothing fails.
/// `AILAB_NVML_LIBRARY` names another file (tests load a stand-in that answers as NVML does).
/// Signatures and struct layouts: NVIDIA's nvml.h (NVML API Reference, "Device Queries":
/// nvmlDeviceGetUtilizationRates, nvmlDeviceGetMemoryInfo, nvmlDeviceGetComputeRunningProcesses_v3).
final class NVMLLibrary: @unchecked Sendable {
    typealias Status = Int32
    typealias Device = OpaquePointer
    private typealias Plain = @convention(c) () -> Status
    private typealias Count = @convention(c) (UnsafeMutablePointer<UInt32>) -> Status
    private typealias Handle = @convention(c) (UInt32, UnsafeMutablePointer<Device?>) -> Status
    private typealias Query = @convention(c) (Device?, UnsafeMutableRawPointer) -> Status
    private typealias Name = @convention(c) (Device?, UnsafeMutablePointer<CChar>, UInt32) -> Status
    private typealias Processes = @convention(c) (Device?, UnsafeMutablePointer<UInt32>, UnsafeMutableRawPointer?) -> Status

    static let success: Status = 0
    static let insufficientSize: Status = 7
    /// What NVML reports for a process's memory it may not see (`NVML_VALUE_NOT_AVAILABLE`).
    static let notAvailable = UInt64.max

    private let handle: UnsafeMutableRawPointer
    private let shutdownCall: Plain
    private let countCall: Count
    private let handleCall: Handle
    private let utilizationCall: Query
    private let memoryCall: Query
    private let nameCall: Name?
    private let processesCall: Processes
    /// Bytes per process entry: 24 for the _v2/_v3 struct (pid, used memory, two instance ids), 16 for v1.
    let processStride: Int

    /// The library at `path`, initialised; nil (and nothing kept open) when it is absent, lacks
    /// a function ailab uses, or its init fails (no driver, no device).
    init?(path: String) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<T>(_ names: [String], as type: T.Type) -> T? {
            for name in names { if let found = dlsym(handle, name) { return unsafeBitCast(found, to: type) } }
            return nil
        }
        let v3 = dlsym(handle, "nvmlDeviceGetComputeRunningProcesses_v3") ?? dlsym(handle, "nvmlDeviceGetComputeRunningProcesses_v2")
        guard let initCall = symbol(["nvmlInit_v2", "nvmlInit"], as: Plain.self),
            let shutdown = symbol(["nvmlShutdown"], as: Plain.self),
            let count = symbol(["nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"], as: Count.self),
            let byIndex = symbol(["nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"], as: Handle.self),
            let utilization = symbol(["nvmlDeviceGetUtilizationRates"], as: Query.self),
            let memory = symbol(["nvmlDeviceGetMemoryInfo"], as: Query.self),
            let processes = symbol(["nvmlDeviceGetComputeRunningProcesses_v3", "nvmlDeviceGetComputeRunningProcesses_v2", "nvmlDeviceGetComputeRunningProcesses"], as: Processes.self),
            initCall() == Self.success
        else {
            dlclose(handle)
            return nil
        }
        self.handle = handle
        (shutdownCall, countCall, handleCall, utilizationCall, memoryCall, processesCall) = (shutdown, count, byIndex, utilization, memory, processes)
        nameCall = symbol(["nvmlDeviceGetName"], as: Name.self)
        processStride = v3 == nil ? 16 : 24
    }

    deinit {
        _ = shutdownCall()
        dlclose(handle)
    }

    var deviceCount: UInt32? {
        var count: UInt32 = 0
        return countCall(&count) == Self.success ? count : nil
    }

    func device(_ index: UInt32) -> Device? {
        var device: Device?
        return handleCall(index, &device) == Self.success ? device : nil
    }

    func name(_ device: Device) -> String? {
        guard let nameCall else { return nil }
        var buffer = [CChar](repeating: 0, count: 96)
        guard nameCall(device, &buffer, UInt32(buffer.count)) == Self.success else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// nvmlUtilization_t: the GPU's and its memory's busy percentages over the last sample period.
    func utilization(_ device: Device) -> (gpu: UInt32, memory: UInt32)? {
        var words: (UInt32, UInt32) = (0, 0)
        guard withUnsafeMutableBytes(of: &words, { utilizationCall(device, $0.baseAddress!) }) == Self.success else { return nil }
        return words
    }

    /// nvmlMemory_t: total, free and used bytes.
    func memory(_ device: Device) -> (total: UInt64, used: UInt64)? {
        var values: (UInt64, UInt64, UInt64) = (0, 0, 0)
        guard withUnsafeMutableBytes(of: &values, { memoryCall(device, $0.baseAddress!) }) == Self.success else { return nil }
        return (values.0, values.2)
    }

    /// The compute processes on the device: pid and used memory (nil where NVML may not say).
    func processes(_ device: Device) -> [(pid: Int32, memory: UInt64?)]? {
        var count: UInt32 = 0
        var status = processesCall(device, &count, nil)
        if status == Self.success { return [] }
        guard status == Self.insufficientSize else { return nil }
        // Room for a few more: a process may start between the two calls.
        count += 8
        var bytes = [UInt8](repeating: 0, count: Int(count) * processStride)
        status = bytes.withUnsafeMutableBytes { processesCall(device, &count, $0.baseAddress!) }
        guard status == Self.success else { return nil }
        return (0..<Int(min(count, UInt32(bytes.count / processStride)))).map { index in
            bytes.withUnsafeBytes { raw in
                let pid = raw.loadUnaligned(fromByteOffset: index * processStride, as: UInt32.self)
                let used = raw.loadUnaligned(fromByteOffset: index * processStride + 8, as: UInt64.self)
                return (Int32(bitPattern: pid), used == Self.notAvailable ? nil : used)
            }
        }
    }
}
