#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics
import LabYAML

/// `ailab config`: the resolved model written back as compose, like `docker compose config`.
/// Literal dollars are doubled so the output loads again (compose does the same since
/// docker/compose#5031); ports are written in the long form compose prints.
extension ComposeProject {
    /// Names of the active services, in file order.
    public var serviceNames: [String] {
        model.field("services")?.mapping?.compactMap { $0.0.scalar?.string } ?? []
    }

    public func configYAML(showSecrets: Bool) throws -> String {
        YAMLWriter.write(rendered(showSecrets: showSecrets))
    }

    public func configJSON(showSecrets: Bool) throws -> String {
        // JSONSerialization's layout and key order, kept as they were (slashes escaped too).
        json(rendered(showSecrets: showSecrets)).serializationText(pretty: true)
    }

    /// Environment names whose values `config` masks: the lab's secrets and names that say
    /// they hold a credential.
    static func isSecret(_ name: String, declared: Set<String>) -> Bool {
        let upper = name.uppercased()
        return declared.contains(name)
            || ["PASSWORD", "SECRET", "TOKEN", "PASSWD", "API_KEY", "PRIVATE_KEY", "_SALT"].contains { upper.contains($0) }
            || upper.hasSuffix("_KEY")
    }

    func rendered(showSecrets: Bool) -> Node {
        let declared = Set(catalog.services.flatMap(\.secretNames))
        let ports = Dictionary(catalog.services.flatMap(\.components).map { ($0.name, $0.ports) }, uniquingKeysWith: { a, _ in a })
        guard let services = model.field("services")?.mapping else { return model }
        var out: [(Node, Node)] = []
        for (nameNode, service) in services {
            let name = nameNode.scalar?.string ?? ""
            var node = escapeDollars(service, template: false, key: "")
            if let list = ports[name], service.field("ports") != nil { node = ComposeMerge.setting("ports", to: longPorts(list), in: node) }
            if !showSecrets, let environment = node.field("environment").map(ComposeMerge.asMapping), case .mapping(let map) = environment {
                let masked = map.map { key, value -> (Node, Node) in
                    let text = value.scalar?.string ?? ""
                    guard !text.isEmpty, Self.isSecret(key.scalar?.string ?? "", declared: declared) else { return (key, value) }
                    return (key, Node("********"))
                }
                node = ComposeMerge.setting("environment", to: Node(masked), in: node)
            }
            out.append((nameNode, node))
        }
        var root = escapeDollars(ComposeMerge.removing("services", from: model), template: false, key: "")
        root = ComposeMerge.setting("services", to: Node(out), in: root)
        return root
    }

    private func longPorts(_ list: [PortSpec]) -> Node {
        Node(list.map { port in
            var pairs: [(Node, Node)] = [(Node("mode"), Node("ingress"))]
            if let ip = port.hostIP, !ip.isEmpty { pairs.append((Node("host_ip"), Node(ip))) }
            pairs.append((Node("target"), Node(String(port.container))))
            if let host = port.host { pairs.append((Node("published"), Node(String(host), .implicit, .doubleQuoted))) }
            pairs.append((Node("protocol"), Node(port.proto)))
            return Node(pairs)
        })
    }

    /// `$` → `$$` in every value, except environment, command and entrypoint, which the
    /// loader keeps escaped already (they are interpolated once more at install).
    private func escapeDollars(_ node: Node, template: Bool, key: String) -> Node {
        switch node {
        case .scalar(let scalar):
            guard !template, scalar.string.contains("$") else { return node }
            return .scalar(scalar.replacing(String(scalar.string.flatMap { $0 == "$" ? ["$", "$"] : [$0] })))
        case .sequence(let list):
            return .sequence(Node.Sequence(list.map { escapeDollars($0, template: template, key: key) }, list.tag, list.style, list.mark))
        case .mapping(let map):
            let pairs = map.map { pair -> (Node, Node) in
                let name = pair.0.scalar?.string ?? ""
                return (pair.0, escapeDollars(pair.1, template: template || TreeInterpolator.installTemplates.contains(name), key: name))
            }
            return .mapping(Node.Mapping(pairs, map.tag, map.style, map.mark))
        }
    }

    /// JSON values: plain numbers and booleans typed as compose's JSON output types them.
    private func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            if let number = Int(scalar.string) { return .int(number) }
            if scalar.string == "true" || scalar.string == "false" { return .bool(scalar.string == "true") }
            if scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~" { return .null }
            return .string(scalar.string)
        case .sequence(let list):
            return .array(list.map(json))
        case .mapping(let map):
            var object: [String: JSONValue] = [:]
            for (key, value) in map { object[key.scalar?.string ?? ""] = json(value) }
            return .object(object)
        }
    }
}
