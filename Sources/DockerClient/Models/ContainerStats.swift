/// One sample of `GET /containers/{id}/stats`, reduced to what a person reads.
public struct ContainerStats: Decodable, Sendable {
    public var read: String
    public var cpuTotal: UInt64
    public var systemTotal: UInt64
    public var preCPUTotal: UInt64
    public var preSystemTotal: UInt64
    public var onlineCPUs: Int
    public var memoryUsage: UInt64
    public var memoryLimit: UInt64
    /// Page cache the kernel can drop; `docker stats` subtracts it, and so do we.
    public var memoryCache: UInt64
    /// Bytes received and sent over every network since the container started.
    public var networkRx: UInt64 = 0
    public var networkTx: UInt64 = 0
    /// Bytes read from and written to block devices since the container started.
    public var blockRead: UInt64 = 0
    public var blockWrite: UInt64 = 0

    /// CPU use in percent of one core, as `docker stats` shows it; nil without a previous sample.
    public var cpuPercent: Double? {
        guard preSystemTotal > 0, systemTotal > preSystemTotal, cpuTotal >= preCPUTotal else { return nil }
        let cpuDelta = Double(cpuTotal - preCPUTotal)
        let systemDelta = Double(systemTotal - preSystemTotal)
        return cpuDelta / systemDelta * Double(max(onlineCPUs, 1)) * 100
    }

    public var memoryUsed: UInt64 { memoryUsage > memoryCache ? memoryUsage - memoryCache : memoryUsage }

    private struct CPU: Decodable {
        struct Usage: Decodable {
            var total_usage: UInt64?
            var percpu_usage: [UInt64]?
        }
        var cpu_usage: Usage?
        var system_cpu_usage: UInt64?
        var online_cpus: Int?
    }

    private struct Memory: Decodable {
        var usage: UInt64?
        var limit: UInt64?
        var stats: [String: UInt64]?
    }

    private struct Network: Decodable {
        var rx_bytes: UInt64?
        var tx_bytes: UInt64?
    }

    private struct BlockIO: Decodable {
        struct Entry: Decodable {
            var op: String?
            var value: UInt64?
        }
        var io_service_bytes_recursive: [Entry]?
    }

    enum CodingKeys: String, CodingKey { case read, cpu_stats, precpu_stats, memory_stats, networks, blkio_stats }

    /// Engine numbers are summed without trust: past UInt64 they saturate instead of trapping.
    static func sum(_ values: [UInt64]) -> UInt64 {
        values.reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? .max : sum
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decodeIfPresent(String.self, forKey: .read) ?? ""
        let cpu = try c.decodeIfPresent(CPU.self, forKey: .cpu_stats)
        let pre = try c.decodeIfPresent(CPU.self, forKey: .precpu_stats)
        let memory = try c.decodeIfPresent(Memory.self, forKey: .memory_stats)
        cpuTotal = cpu?.cpu_usage?.total_usage ?? 0
        systemTotal = cpu?.system_cpu_usage ?? 0
        preCPUTotal = pre?.cpu_usage?.total_usage ?? 0
        preSystemTotal = pre?.system_cpu_usage ?? 0
        onlineCPUs = cpu?.online_cpus ?? cpu?.cpu_usage?.percpu_usage?.count ?? 1
        memoryUsage = memory?.usage ?? 0
        memoryLimit = memory?.limit ?? 0
        // cgroup v2 reports inactive_file, v1 reports cache.
        memoryCache = memory?.stats?["inactive_file"] ?? memory?.stats?["total_inactive_file"] ?? memory?.stats?["cache"] ?? 0
        let networks = (try? c.decodeIfPresent([String: Network].self, forKey: .networks)) ?? nil
        networkRx = Self.sum(networks?.values.map { $0.rx_bytes ?? 0 } ?? [])
        networkTx = Self.sum(networks?.values.map { $0.tx_bytes ?? 0 } ?? [])
        let entries = ((try? c.decodeIfPresent(BlockIO.self, forKey: .blkio_stats)) ?? nil)?.io_service_bytes_recursive ?? []
        blockRead = Self.sum(entries.filter { $0.op?.lowercased() == "read" }.map { $0.value ?? 0 })
        blockWrite = Self.sum(entries.filter { $0.op?.lowercased() == "write" }.map { $0.value ?? 0 })
    }
}
