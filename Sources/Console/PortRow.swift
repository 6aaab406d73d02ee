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
    /// The engine that publishes (or would publish) it.
    public var engine: String?
    /// Where "listening" is asked (`PortAddress`: the engine's host, or the bound address); nil
    /// when it cannot be asked from here, `unreachable` saying why.
    public var target: PortTarget?
    public var unreachable: String?

    static func rows(snapshot: LabSnapshot, listening: [PortTarget: Bool]) -> [PortRow] {
        var rows: [PortRow] = []
        // A few engines and bindings among thousands of ports: each address decided once.
        var addresses: [String: PortAddress] = [:]
        func add(_ port: PublishedPort, address: String, service: String?, container: String?, published: Bool, engine: String?) {
            var row = PortRow(host: port.host, proto: port.proto, address: address, service: service, container: container,
                              containerPort: port.container, published: published, listening: nil, clashesWith: [], engine: engine)
            let key = "\(engine ?? "")/\(port.hostIP)"
            let address = addresses[key] ?? snapshot.portAddress(engine: engine, boundTo: port.hostIP)
            addresses[key] = address
            switch address {
            case .host(let host): row.target = PortTarget(host: host, port: port.host)
            case .unreachable(let why): row.unreachable = why
            }
            row.listening = row.target.flatMap { listening[$0] }
            rows.append(row)
        }
        for status in snapshot.services {
            if status.containers.isEmpty {
                for port in status.ports {
                    add(port, address: port.hostIP.isEmpty ? "0.0.0.0" : port.hostIP, service: status.service.name, container: nil, published: false, engine: status.engine)
                }
            }
            for container in status.containers {
                for port in container.ports {
                    add(port, address: port.hostIP, service: status.service.name, container: container.name, published: true, engine: container.engine)
                }
            }
        }
        for container in snapshot.others {
            for port in container.ports { add(port, address: port.hostIP, service: nil, container: container.name, published: true, engine: container.engine) }
        }
        // Owners by engine, host port and protocol (the same port on two engines is two ports),
        // in one pass: comparing every row with every other took seconds for a container
        // publishing 10,000 ports, on the UI thread (issue 11, item 6).
        var owners: [String: Set<String>] = [:]
        for row in rows { owners[row.clashKey, default: []].insert(row.owner) }
        for index in rows.indices {
            let row = rows[index]
            var others = owners[row.clashKey] ?? []
            others.remove(row.owner)
            rows[index].clashesWith = others.sorted()
            // Declared, not installed, yet something answers: a host process holds the port.
            if !row.published, row.listening == true, others.isEmpty { rows[index].clashesWith = ["a host process"] }
        }
        return rows.sorted { ($0.host, $0.proto, $0.owner) < ($1.host, $1.proto, $1.owner) }
    }

    public var owner: String { service ?? container ?? "?" }

    /// The targets to probe in a stable order (effects compare equal, tests read them).
    static func sorted(_ targets: Set<PortTarget>) -> [PortTarget] { targets.sorted { ($0.port, $0.host) < ($1.port, $1.host) } }

    var clashKey: String { "\(engine ?? "")/\(host)/\(proto)" }
}
