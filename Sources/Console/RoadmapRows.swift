import LabCatalog
import LabRoadmap

/// The Roadmap screen as rows, for drawing and for moving the selection alike.
public enum RoadmapRow: Sendable, Equatable {
    case next(LearningStep)
    case heading(String, progress: (done: Int, total: Int)?)
    case item(RoadmapStatus.Item)
    case metric(RoadmapStatus.MetricStatus)
    case detail(String)

    public var selectable: Bool {
        switch self {
        case .item, .metric: return true
        default: return false
        }
    }

    public static func == (lhs: RoadmapRow, rhs: RoadmapRow) -> Bool {
        switch (lhs, rhs) {
        case (.next(let a), .next(let b)): return a == b
        case (.heading(let a, let p), .heading(let b, let q)): return a == b && p?.done == q?.done && p?.total == q?.total
        case (.item(let a), .item(let b)): return a == b
        case (.metric(let a), .metric(let b)): return a == b
        case (.detail(let a), .detail(let b)): return a == b
        default: return false
        }
    }
}

extension AppState {
    public var roadmapStatus: RoadmapStatus { RoadmapStatus(snapshot: snapshot, state: labState) }

    public var roadmapRows: [RoadmapRow] {
        let status = roadmapStatus
        var rows: [RoadmapRow] = []
        if let next = status.next { rows.append(.next(next)) }
        if roadmapByPriority {
            let items = Dictionary(status.phases.flatMap(\.items).map { ($0.service, $0) }, uniquingKeysWith: { a, _ in a })
            for priority in Priority.allCases {
                let names = status.priorities[priority] ?? []
                let members = names.compactMap { items[$0] }
                rows.append(.heading(priority.title, progress: (members.filter { $0.state == .healthy }.count, members.count)))
                rows += members.map(RoadmapRow.item)
            }
        } else {
            for phase in status.phases {
                let weeks = phase.phase.weeks.isEmpty || phase.phase.number == 0 ? "" : " · weeks \(phase.phase.weeks)"
                rows.append(.heading("Phase \(phase.phase.number) · \(phase.phase.title)\(weeks)", progress: (phase.done, phase.total)))
                rows += phase.items.map(RoadmapRow.item)
            }
        }
        var group = ""
        for metric in status.metrics {
            if metric.groupTitle != group {
                group = metric.groupTitle
                let members = status.metrics.filter { $0.groupTitle == group }
                rows.append(.heading("Success metrics · \(group)", progress: (members.filter(\.met).count, members.count)))
            }
            rows.append(.metric(metric))
            if !metric.met { rows.append(.detail(metric.detail)) }
        }
        return rows
    }

    /// The row the selection is on, moved to the nearest selectable one.
    public var selectedRoadmapRow: Int {
        let rows = roadmapRows
        guard !rows.isEmpty else { return 0 }
        let start = min(max(0, roadmapRow), rows.count - 1)
        if rows[start].selectable { return start }
        return (start..<rows.count).first { rows[$0].selectable } ?? (0..<start).last { rows[$0].selectable } ?? start
    }
}
