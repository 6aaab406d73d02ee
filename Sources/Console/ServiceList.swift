#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabModel

/// The services a screen lists, in order: filtered by the `/` text and sorted.
extension AppState {
    public var layerBands: [(layer: Layer?, services: [ServiceStatus])] {
        snapshot.byLayer.filter { !$0.services.isEmpty }
    }

    /// The Services screen's rows.
    public var serviceRows: [ServiceStatus] {
        let filtered = snapshot.services.filter { matches($0) }
        let sorted = filtered.sorted { lhs, rhs in
            let ordered = compare(lhs, rhs)
            return sortDescending ? ordered == .orderedDescending : ordered == .orderedAscending
        }
        return sorted
    }

    public func matches(_ status: ServiceStatus) -> Bool {
        guard !filter.isEmpty else { return true }
        let needle = filter.lowercased()
        let haystack = [
            status.service.name, status.service.title, status.service.layer?.rawValue ?? "", status.condition.text,
        ] + status.ports.map { String($0.host) }
        return haystack.contains { $0.lowercased().contains(needle) }
    }

    private func compare(_ lhs: ServiceStatus, _ rhs: ServiceStatus) -> ComparisonResult {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult { a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame }
        let catalogOrder = order(index(of: lhs), index(of: rhs))
        let primary: ComparisonResult
        switch sort {
        case .layer: primary = order(lhs.service.layer.map { Layer.allCases.firstIndex(of: $0)! } ?? 99, rhs.service.layer.map { Layer.allCases.firstIndex(of: $0)! } ?? 99)
        case .name: primary = order(lhs.service.name, rhs.service.name)
        case .condition: primary = order(troubleRank(lhs), troubleRank(rhs))
        case .age: primary = order(lhs.condition.since ?? .distantFuture, rhs.condition.since ?? .distantFuture)
        case .cpu: primary = order(cpu(rhs) ?? -1, cpu(lhs) ?? -1)
        case .memory: primary = order(memory(rhs), memory(lhs))
        case .uptime: primary = order(lhs.startedAt ?? .distantFuture, rhs.startedAt ?? .distantFuture)
        }
        return primary == .orderedSame ? catalogOrder : primary
    }

    private func index(of status: ServiceStatus) -> Int {
        snapshot.services.firstIndex { $0.service.name == status.service.name } ?? 0
    }

    /// Trouble first, in the order of `Condition.allCases` after it.
    private func troubleRank(_ status: ServiceStatus) -> Int {
        let order: [Condition] = [.crashed, .restarting, .unhealthy, .unknown, .starting, .stopped, .paused, .completed, .healthy, .running, .notInstalled]
        return order.firstIndex(of: status.condition.condition) ?? order.count
    }

    /// nil until a sample of one of its containers has arrived.
    public func cpu(_ status: ServiceStatus) -> Double? {
        let samples = status.containers.compactMap { stats[$0.id]?.cpuPercent }
        return samples.isEmpty ? nil : samples.reduce(0, +)
    }

    public func memory(_ status: ServiceStatus) -> UInt64 {
        Saturating.sum(status.containers.compactMap { stats[$0.id]?.memoryBytes })
    }

    /// The Ports screen's rows.
    public var portRows: [PortRow] { PortRow.rows(snapshot: snapshot, listening: listening).filter { row in
        filter.isEmpty || [String(row.host), row.service ?? "", row.container ?? ""].contains { $0.lowercased().contains(filter.lowercased()) }
    } }

    public var selectedStatus: ServiceStatus? { selected.flatMap { snapshot.status(of: $0) } }
}
