import Foundation

/// A stand-in for NVIDIA's libnvidia-ml.so.1, built by the test with the toolchain's clang:
/// one device ("Stand-in GPU", 37% busy, 6 of 24 GiB used) whose one compute process is the pid
/// in STANDIN_NVML_PID using 1.5 GiB. It answers as nvml.h says NVML does: a process list
/// asked for with too small a buffer returns NVML_ERROR_INSUFFICIENT_SIZE (7) and the count.
public enum NVMLStandIn {
    public static let source = #"""
        #include <stdlib.h>
        #include <string.h>
        typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
        typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
        typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; } nvmlProcessInfo_t;
        static int ready = 0;
        static char device = 'd';
        int nvmlInit_v2(void) { ready = 1; return 0; }
        int nvmlShutdown(void) { ready = 0; return 0; }
        int nvmlDeviceGetCount_v2(unsigned int *count) { if (!ready) return 1; *count = 1; return 0; }
        int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **handle) { if (index != 0) return 2; *handle = &device; return 0; }
        int nvmlDeviceGetName(void *handle, char *name, unsigned int length) { strncpy(name, "Stand-in GPU", length); return 0; }
        int nvmlDeviceGetUtilizationRates(void *handle, nvmlUtilization_t *u) { u->gpu = 37; u->memory = 12; return 0; }
        int nvmlDeviceGetMemoryInfo(void *handle, nvmlMemory_t *m) {
            m->total = 24ULL << 30; m->used = 6ULL << 30; m->free = m->total - m->used; return 0;
        }
        int nvmlDeviceGetComputeRunningProcesses_v3(void *handle, unsigned int *count, nvmlProcessInfo_t *infos) {
            const char *pid = getenv("STANDIN_NVML_PID");
            unsigned int needed = pid ? 1 : 0;
            if (*count < needed || (needed && !infos)) { *count = needed; return 7; }
            *count = needed;
            if (needed) { infos[0].pid = (unsigned int)atoi(pid); infos[0].usedGpuMemory = 3ULL << 29; infos[0].gpuInstanceId = 0; infos[0].computeInstanceId = 0; }
            return 0;
        }
        """#

    /// Compiles the stand-in into a temporary .so and returns its path.
    public static func build() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nvml-standin-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = directory.appendingPathComponent("nvml.c").path
        let library = directory.appendingPathComponent("libnvidia-ml.so.1").path
        try Self.source.write(toFile: source, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: clang)
        process.arguments = ["-shared", "-fPIC", "-o", library, source]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StandInError.compile(clang, process.terminationStatus) }
        return library
    }

    /// The toolchain's clang: the one beside `swift` on the PATH (/opt/swift/usr/bin here).
    public static var clang: String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let (swift, clang) = ("\(directory)/swift", "\(directory)/clang")
            if FileManager.default.isExecutableFile(atPath: swift), FileManager.default.isExecutableFile(atPath: clang) { return clang }
        }
        return "/opt/swift/usr/bin/clang"
    }

    enum StandInError: Error { case compile(String, Int32) }
}
