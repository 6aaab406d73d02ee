import LabModel

/// The Swarm panel's lines under the Services table: the join state, each node (role,
/// availability, state, address, labels), and each of the lab's Swarm services with its
/// replicas and current tasks (where each runs, and why one does not). Derived in `Frame`.
public struct SwarmLine: Sendable, Equatable {
    public var text: String
    /// What the glyph and colour say; nil for a heading.
    public var condition: Condition?
}

public enum SwarmRows {
    public static func lines(_ snapshot: LabSnapshot) -> [SwarmLine] {
        guard let swarm = snapshot.swarm else { return [] }
        guard swarm.isManager else {
            return [SwarmLine(text: "Swarm \(swarm.joinState), not a manager: only a manager lists nodes, services and tasks", condition: nil)]
        }
        var lines = [SwarmLine(text: "Swarm \(swarm.joinState) · manager · \(swarm.nodes.count) node\(swarm.nodes.count == 1 ? "" : "s")", condition: nil)]
        for node in swarm.nodes.sorted(by: { ($0.spec.role, $0.hostname, $0.id) < ($1.spec.role, $1.hostname, $1.id) }) {
            let role = node.spec.role + (node.isLeader ? " leader" : "")
            let labels = node.spec.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let here = node.id == swarm.nodeID ? "*" : " "
            let text = "\(pad(swarm.nodeName(node.id) + here, 14)) \(pad(role, 14)) \(pad(node.spec.availability, 7)) \(pad(node.state, 8)) \(pad(node.address, 15)) \(labels)"
            lines.append(SwarmLine(text: text, condition: SwarmState.condition(of: node)))
        }
        for status in snapshot.services where status.isSwarm {
            for part in status.swarm { lines += serviceLines(part, swarm) }
        }
        return lines
    }

    /// One Swarm service (replicas, placement) and its current tasks: where each runs, or why not.
    public static func serviceLines(_ part: SwarmServiceStatus, _ swarm: SwarmState) -> [SwarmLine] {
        let placed = part.service.constraints.isEmpty ? "" : "  " + part.service.constraints.joined(separator: ", ")
        var lines = [SwarmLine(text: "\(pad(part.service.name, 22)) replicas \(part.replicasText)\(placed)", condition: part.condition.condition)]
        for task in part.tasks where task.isCurrent {
            let name = "  \(part.service.name).\(task.slot.map(String.init) ?? String(task.id.prefix(6)))"
            let why = task.error.map { "  \($0)" } ?? ""
            let text = "\(pad(name, 22)) \(pad(task.state, 9)) on \(swarm.nodeName(task.nodeID))\(why)"
            lines.append(SwarmLine(text: text, condition: task.condition))
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
