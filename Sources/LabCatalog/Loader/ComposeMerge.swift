import LabYAML

/// Compose's merge of one model over another (later `-f` files, overrides, `extends`), after the
/// compose specification's "Merge and override" rules: mappings merge key by key; command,
/// entrypoint and healthcheck test are replaced; environment and labels merge by name (list or
/// mapping form); volumes and devices by container path; other lists (ports, expose, dns…) append.
enum ComposeMerge {
    static let replaced: Set<String> = ["command", "entrypoint", "test"]
    static let byName: Set<String> = ["environment", "labels", "extra_hosts", "annotations", "sysctls"]
    static let byTarget: Set<String> = ["volumes", "devices"]

    static func merge(_ base: Node, _ over: Node, key: String = "") -> Node {
        if tag(of: over) == "!override" || tag(of: over) == "!reset" { return over }
        if byName.contains(key) { return mergeByName(base, over) }
        switch (base, over) {
        case (.mapping(let left), .mapping(let right)):
            var pairs = left.map { ($0.0, $0.1) }
            for (rightKey, rightValue) in right {
                let name = rightKey.scalar?.string ?? ""
                if let index = pairs.firstIndex(where: { $0.0.scalar?.string == name }) {
                    pairs[index].1 = merge(pairs[index].1, rightValue, key: name)
                } else {
                    pairs.append((rightKey, rightValue))
                }
            }
            return .mapping(Node.Mapping(pairs, left.tag, left.style, left.mark))
        case (.sequence(let left), .sequence(let right)) where !replaced.contains(key):
            var items = Array(left)
            if byTarget.contains(key) {
                let targets = Set(right.map(target))
                items.removeAll { targets.contains(target($0)) }
                items += right
            } else {
                for item in right where !items.contains(item) { items.append(item) }
            }
            return .sequence(Node.Sequence(items, left.tag, left.style, left.mark))
        default:
            return over
        }
    }

    static func tag(of node: Node) -> String { node.tag.description }

    /// The model without the keys an override file cleared with `!reset` (compose-spec merge.md
    /// "Reset value"); `!override` values are taken as they are.
    static func withoutResets(_ node: Node) -> Node {
        switch node {
        case .mapping(let map):
            let pairs = map.filter { tag(of: $0.1) != "!reset" }.map { ($0.0, withoutResets($0.1)) }
            return .mapping(Node.Mapping(pairs, map.tag, map.style, map.mark))
        case .sequence(let list):
            return .sequence(Node.Sequence(list.map(withoutResets), list.tag, list.style, list.mark))
        default:
            return node
        }
    }

    /// The container path of a volume or device, short (`src:/dst:ro`) or long form.
    private static func target(_ node: Node) -> String {
        if let long = node.field("target")?.scalar?.string { return long }
        let parts = (node.scalar?.string ?? "").split(separator: ":").map(String.init)
        return parts.count >= 2 ? parts[1] : parts.first ?? ""
    }

    /// `[A=1, B]` or `{A: 1, B: null}` → a mapping, so two files' entries merge by name.
    static func asMapping(_ node: Node) -> Node {
        guard case .sequence(let list) = node else { return node }
        let pairs: [(Node, Node)] = list.map { item in
            let text = item.scalar?.string ?? ""
            let mark = item.scalar?.mark
            guard let equals = text.firstIndex(of: "=") else { return (Node(text), .scalar(Node.Scalar("", .implicit, .plain, mark))) }
            let value = String(text[text.index(after: equals)...])
            return (Node(String(text[..<equals])), .scalar(Node.Scalar(value, .implicit, .doubleQuoted, mark)))
        }
        return .mapping(Node.Mapping(pairs, .implicit, .any, list.mark))
    }

    private static func mergeByName(_ base: Node, _ over: Node) -> Node {
        merge(asMapping(base), asMapping(over))
    }

    /// The model without services whose profiles are all inactive (services with no profiles
    /// always stay); `depends_on` entries naming a left-out service are dropped with it.
    static func applyProfiles(_ root: Node, active: Set<String>) -> (Node, [String]) {
        guard let services = root.field("services")?.mapping else { return (root, []) }
        var kept: [(Node, Node)] = []
        var left: [String] = []
        for (name, service) in services {
            let profiles = service.field("profiles")?.sequence?.compactMap { $0.scalar?.string } ?? []
            if profiles.isEmpty || active.contains("*") || profiles.contains(where: active.contains) {
                kept.append((name, service))
            } else {
                left.append(name.scalar?.string ?? "")
            }
        }
        guard !left.isEmpty else { return (root, []) }
        let gone = Set(left)
        kept = kept.map { name, service in
            guard let needs = service.field("depends_on") else { return (name, service) }
            let filtered: Node
            switch needs {
            case .sequence(let list):
                filtered = .sequence(Node.Sequence(list.filter { !gone.contains($0.scalar?.string ?? "") }, list.tag, list.style, list.mark))
            case .mapping(let map):
                filtered = .mapping(Node.Mapping(map.filter { !gone.contains($0.0.scalar?.string ?? "") }.map { ($0.0, $0.1) }, map.tag, map.style, map.mark))
            default:
                filtered = needs
            }
            return (name, setting("depends_on", to: filtered, in: service))
        }
        let servicesNode = Node.mapping(Node.Mapping(kept, services.tag, services.style, services.mark))
        return (setting("services", to: servicesNode, in: root), left)
    }

    /// A mapping with `key` set (replaced in place, or added first for `name`, last otherwise).
    static func setting(_ key: String, to value: Node, in node: Node) -> Node {
        guard case .mapping(let mapping) = node else { return node }
        var pairs = mapping.map { ($0.0, $0.1) }
        if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
            pairs[index].1 = value
        } else if key == "name" {
            pairs.insert((Node(key), value), at: 0)
        } else {
            pairs.append((Node(key), value))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }

    /// A mapping without `key`.
    static func removing(_ key: String, from node: Node) -> Node {
        guard case .mapping(let mapping) = node else { return node }
        let pairs = mapping.filter { $0.0.scalar?.string != key }.map { ($0.0, $0.1) }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }
}
