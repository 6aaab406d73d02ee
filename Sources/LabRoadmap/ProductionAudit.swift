import LabCatalog
import LabModel

/// "Production-ready deployment", audited over the installed services: each problem named.
/// - every image pinned (a tag other than latest, main or stable, or a digest);
/// - every service checked (a Docker healthcheck on its primary container, or the lab's probe);
/// - every container under a restart policy (the engine's, once inspected; else the catalog's);
/// - nothing private published beyond loopback: data stores, the AI gateway and observability
///   answer on 127.0.0.1 only (web apps go through Traefik, the public layer is public on purpose).
enum ProductionAudit {
    static let floatingTags: Set<String> = ["latest", "main", "stable"]

    static func problems(_ snapshot: LabSnapshot) -> [String] {
        var problems: [String] = []
        for status in snapshot.services where status.isInstalled {
            let service = status.service
            let floating = service.components.map(\.image).filter { !isPinned($0) }
            if !floating.isEmpty { problems.append("\(service.name) image not pinned (\(floating.joined(separator: ", ")))") }
            let checked = service.probe != nil || (service.primary.healthcheck.map { !$0.test.isEmpty && $0.test.first != "NONE" } ?? false)
            if !checked { problems.append("\(service.name) has no healthcheck") }
            let unrestarted = status.containers.filter { container in
                let policy = container.restartPolicy ?? service.components.first { $0.name == container.component }?.restart ?? ""
                return policy.isEmpty || policy == "no"
            }.map(\.name)
            if !unrestarted.isEmpty { problems.append("\(service.name) has no restart policy (\(unrestarted.joined(separator: ", ")))") }
            if let layer = service.layer, [.data, .gateway, .observability].contains(layer) {
                let open = Set(status.containers.flatMap(\.ports).filter { !isLoopback($0.hostIP) }.map(\.host)).sorted()
                if !open.isEmpty { problems.append("\(service.name) publishes \(open.map { ":\($0)" }.joined(separator: " ")) beyond 127.0.0.1") }
            }
        }
        return problems
    }

    /// `name:tag` with a tag that does not float, or `name@sha256:…`. A registry's port
    /// (`host:5000/name`) is not a tag.
    static func isPinned(_ image: String) -> Bool {
        if image.contains("@sha256:") { return true }
        let last = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = last.lastIndex(of: ":") else { return false }
        return !floatingTags.contains(String(last[last.index(after: colon)...]))
    }

    static func isLoopback(_ ip: String) -> Bool { ip.hasPrefix("127.") || ip == "::1" }
}
