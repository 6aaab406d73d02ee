import LabCatalog
import LabModel

/// One host port as the Ports screen shows it: who publishes or declares it, and whether
/// anything answers there.
public struct PortRow: Sendable, Equatable {
    public var host: Int
    public var proto: String
    public var address: String
    public var service: String?
    public var container: String?
    public var containerPort: Int
    /// Published by a container now, as opposed to only declared by the catalog.
    public var published: Bool
    public var listening: Bool?
    /// Other claimants of the same host port and protocol.
    public var clashesWith: [String]

    static func rows(snapshot: LabSnapshot, listening: [Int: Bool]) -> [PortRow] {
        var rows: [PortRow] = []
        for status in snapshot.services {
            if status.containers.isEmpty {
                for port in status.ports {
                    rows.append(PortRow(host: port.host, proto: port.proto, address: port.hostIP.isEmpty ? "0.0.0.0" : port.hostIP, service: status.service.name,
                                        container: nil, containerPort: port.container, published: false, listening: listening[port.host], clashesWith: []))
                }
            }
            for container in status.containers {
                for port in container.ports {
                    rows.append(PortRow(host: port.host, proto: port.proto, address: port.hostIP, service: status.service.name,
                                        container: container.name, containerPort: port.container, published: true, listening: listening[port.host], clashesWith: []))
                }
            }
        }
        for container in snapshot.others {
            for port in container.ports {
                rows.append(PortRow(host: port.host, proto: port.proto, address: port.hostIP, service: nil, container: container.name,
                                    containerPort: port.container, published: true, listening: listening[port.host], clashesWith: []))
            }
        }
        // Owners by host port and protocol, in one pass: comparing every row with every other
        // took seconds for a container publishing 10,000 ports, on the UI thread (issue 11, item 6).
        var owners: [String: Set<String>] = [:]
        for row in rows { owners["\(row.host)/\(row.proto)", default: []].insert(row.owner) }
        for index in rows.indices {
            let row = rows[index]
            var others = owners["\(row.host)/\(row.proto)"] ?? []
            others.remove(row.owner)
            rows[index].clashesWith = others.sorted()
            // Declared, not installed, yet something answers: a host process holds the port.
            if !row.published, row.listening == true, others.isEmpty { rows[index].clashesWith = ["a host process"] }
        }
        return rows.sorted { ($0.host, $0.proto, $0.owner) < ($1.host, $1.proto, $1.owner) }
    }

    public var owner: String { service ?? container ?? "?" }
}
