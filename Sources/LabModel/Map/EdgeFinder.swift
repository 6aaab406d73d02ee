import LabCatalog

/// Finds the roadmap's integration map in a catalog: every place a component names a service of
/// another part of the lab. Pure, so the map is the same for the console, `ailab map` and tests.
///
/// A component uses another service when it carries, by that service's container names (the
/// names compose gives them on the lab's network):
/// - an environment variable whose value holds `host:PORT` (`http://qdrant:6333`),
///   its own or from an `x-ailab.wires` entry to that service (with the wire's config files);
/// - a config file whose content holds `host:PORT` (Prometheus's scrape targets, Grafana's data
///   sources, LiteLLM's model list, Tailscale's serve config);
/// - a command-line argument that is `host` or holds `host:PORT` (bore's `--local-host traefik`);
/// - a `depends_on` and nothing else (Cloudflare Tunnel: its ingress lives in Cloudflare's dashboard).
/// Traefik uses every application that declares a router rule label (`traefik.http.routers.*.rule`,
/// https://doc.traefik.io/traefik/routing/providers/docker/), held on the application's container.
public enum EdgeFinder {
    public static func edges(_ catalog: Catalog) -> [MapEdge] {
        let hosts = hostNames(catalog)
        let proxy = catalog.services.first { $0.components.contains { $0.image.hasPrefix("traefik:") } }?.name
        var edges: [MapEdge] = []
        func add(_ edge: MapEdge) {
            if let index = edges.firstIndex(where: { $0.from == edge.from && $0.to == edge.to && $0.holder == edge.holder }) {
                edges[index].evidence += edge.evidence
                // A depends_on says nothing a setting of the same edge does not say better.
                if edges[index].evidence.contains(where: { $0.kind != .dependsOn }) { edges[index].evidence.removeAll { $0.kind == .dependsOn } }
            } else {
                edges.append(edge)
            }
        }
        for service in catalog.services {
            for (index, component) in service.components.enumerated() {
                var found: [(to: String, evidence: EdgeEvidence)] = []
                let others = hosts.filter { $0.service != service.name }
                for variable in component.environment {
                    guard let value = variable.value else { continue }
                    let tokens = hostTokens(value)
                    for target in others where !tokens.isDisjoint(with: target.names) {
                        found.append((target.service, EdgeEvidence(component: component.name, kind: .env, name: variable.name, expected: value)))
                    }
                }
                for config in component.configs {
                    let tokens = hostTokens(config.content)
                    for target in others where !tokens.isDisjoint(with: target.names) {
                        found.append((target.service, EdgeEvidence(component: component.name, kind: .config, name: config.target, expected: config.name)))
                    }
                }
                for argument in (component.entrypoint ?? []) + (component.command ?? []) {
                    for target in others where refers(argument, to: target.names) {
                        found.append((target.service, EdgeEvidence(component: component.name, kind: .argument, name: argument, expected: argument)))
                    }
                }
                for wire in component.wires {
                    found += wire.environment.map { (wire.to, EdgeEvidence(component: component.name, kind: .env, name: $0.name, expected: $0.value ?? "${\($0.name)}", fromWire: true)) }
                    found += wire.configs.map { (wire.to, EdgeEvidence(component: component.name, kind: .config, name: $0.target, expected: $0.name, fromWire: true)) }
                }
                // Dependencies on other services are the service's, read from its primary component.
                for dependency in component.dependsOn + (index == 0 ? service.dependencies : []) {
                    guard let target = others.first(where: { $0.names.contains(dependency) }), !found.contains(where: { $0.to == target.service }) else { continue }
                    found.append((target.service, EdgeEvidence(component: component.name, kind: .dependsOn, name: dependency, expected: dependency)))
                }
                for target in ordered(found.map(\.to)) {
                    let evidence = found.filter { $0.to == target }.map(\.evidence)
                    add(MapEdge(from: service.name, to: target, holder: service.name, evidence: evidence))
                }
                if let proxy, proxy != service.name {
                    let rules = component.labels.keys.sorted().filter { $0.hasPrefix("traefik.http.routers.") && $0.hasSuffix(".rule") }
                    if !rules.isEmpty {
                        let evidence = rules.map { EdgeEvidence(component: component.name, kind: .route, name: $0, expected: component.labels[$0] ?? "") }
                        add(MapEdge(from: proxy, to: service.name, holder: service.name, evidence: evidence))
                    }
                }
            }
        }
        return sorted(edges, in: catalog)
    }

    /// Each service's container names on the lab network: its components' compose names.
    static func hostNames(_ catalog: Catalog) -> [(service: String, names: Set<String>)] {
        catalog.services.map { service in
            (service.name, Set(service.components.flatMap { [$0.name] + ($0.containerName.map { [$0] } ?? []) }))
        }
    }

    /// `text` names one of `names` as a host: the whole of it (when `whole`), or `name:` followed
    /// by a digit with no name character before it (so `grafana.com` or `set-up-grafana` do not).
    static func refers(_ text: String, to names: Set<String>, whole: Bool = true) -> Bool {
        (whole && names.contains(text)) || !hostTokens(text).isDisjoint(with: names)
    }

    /// Every run of name characters followed by `:` and a digit, in one pass over `text`
    /// (a config file is read once, not once per service).
    static func hostTokens(_ text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var tokens = Set<String>()
        var start = 0
        var index = 0
        while index < bytes.count {
            if isNameByte(bytes[index]) {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: ":"), index > start, index + 1 < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
            {
                tokens.insert(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            index += 1
            start = index
        }
        return tokens
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    static func ordered(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The map's reading order: by the user's layer (public access first), then catalog order.
    static func sorted(_ edges: [MapEdge], in catalog: Catalog) -> [MapEdge] {
        let index = Dictionary(uniqueKeysWithValues: catalog.services.enumerated().map { ($1.name, $0) })
        let layer = Dictionary(uniqueKeysWithValues: catalog.services.map { ($0.name, $0.layer.flatMap { Layer.allCases.firstIndex(of: $0) } ?? Layer.allCases.count) })
        func key(_ edge: MapEdge) -> [Int] { [layer[edge.from] ?? 99, index[edge.from] ?? 0, layer[edge.to] ?? 99, index[edge.to] ?? 0] }
        return edges.enumerated().sorted { key($0.element).lexicographicallyPrecedes(key($1.element)) || (key($0.element) == key($1.element) && $0.offset < $1.offset) }.map(\.element)
    }
}
