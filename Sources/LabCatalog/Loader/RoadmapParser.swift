/// Reads `x-ailab.roadmap`: phases, priorities, learning path and success metrics,
/// checking that every service it names is in the catalog.
enum RoadmapParser {
    static func parse(_ value: YAMLValue, catalog: Catalog) throws(CatalogDiagnostic) -> Roadmap {
        var keys = try KeyReader(value)
        var roadmap = Roadmap()
        let known = Set(catalog.services.map(\.name))
        func service(_ node: YAMLValue) throws(CatalogDiagnostic) -> String {
            let name = try node.string()
            guard known.contains(name) else { throw node.diagnostic("'\(name)' is not a service of this catalog") }
            return name
        }
        for item in try keys.take("phases")?.items() ?? [] {
            var phase = try KeyReader(item)
            var items: [RoadmapItem] = []
            for entry in try phase.require("items").items() {
                var fields = try KeyReader(entry)
                var needs: [String] = []
                for need in try fields.take("needs")?.items() ?? [] { needs.append(try need.string()) }
                items.append(RoadmapItem(
                    service: try service(try fields.require("service")),
                    effort: try fields.take("effort")?.string() ?? "", dependencies: needs))
            }
            let number = try phase.require("number").int(in: 0...99)
            if roadmap.phases.contains(where: { $0.number == number }) { throw item.diagnostic("phase \(number) appears twice") }
            roadmap.phases.append(Phase(
                number: number, title: try phase.require("title").string(), goal: try phase.take("goal")?.string() ?? "",
                weeks: try phase.take("weeks")?.string() ?? "", items: items))
        }
        if let priorities = keys.take("priorities") {
            for (key, list) in try priorities.entries() {
                guard let priority = Priority(rawValue: key) else {
                    throw list.diagnostic("unknown priority '\(key)': expected must-have, high-value or nice-to-have")
                }
                var names: [String] = []
                for item in try list.items() { names.append(try service(item)) }
                roadmap.priorities[priority] = names
            }
        }
        for item in try keys.take("learning-path")?.items() ?? [] {
            var step = try KeyReader(item)
            roadmap.learningPath.append(LearningStep(service: try service(try step.require("service")), text: try step.require("text").string()))
        }
        var metricIDs: Set<String> = []
        for item in try keys.take("metrics")?.items() ?? [] {
            var group = try KeyReader(item)
            var metrics: [Metric] = []
            for entry in try group.require("items").items() {
                var fields = try KeyReader(entry)
                let id = try fields.require("id").string()
                guard metricIDs.insert(id).inserted else { throw entry.diagnostic("metric id '\(id)' appears twice") }
                let check = try fields.take("check").map { v throws(CatalogDiagnostic) in try MetricCheckParser.parse(v, service: service) }
                metrics.append(Metric(id: id, text: try fields.require("text").string(), check: check))
            }
            var phases: [Int] = []
            for number in try group.require("phases").items() { phases.append(try number.int(in: 0...99)) }
            roadmap.metricGroups.append(MetricGroup(
                id: try group.require("id").string(), title: try group.require("title").string(), phases: phases, metrics: metrics))
        }
        if let (key, at) = keys.leftovers.first {
            throw at.diagnostic("unknown roadmap key '\(key)' (phases, priorities, learning-path, metrics)")
        }
        return roadmap
    }
}

/// The metric check vocabulary: `healthy`, `http`, `json`, `prometheus-targets-up`, and the
/// lab's own (MetricCheckParser+Lab.swift).
enum MetricCheckParser {
    static func parse(
        _ value: YAMLValue, service: (YAMLValue) throws(CatalogDiagnostic) -> String
    ) throws(CatalogDiagnostic) -> MetricCheck {
        let entries = try value.entries()
        guard entries.count == 1, let (kind, body) = entries.first else {
            throw value.diagnostic("a check has exactly one of: \(kinds)")
        }
        switch kind {
        case "healthy":
            var names: [String] = []
            for item in (try? body.items()) ?? [body] { names.append(try service(item)) }
            return .healthy(names)
        case "prometheus-targets-up":
            return .prometheusTargetsUp(service: try service(body))
        case "http", "json":
            var keys = try KeyReader(body)
            let name = try service(try keys.require("service"))
            let path = try keys.require("path").string()
            guard path.hasPrefix("/") else { throw body.diagnostic("a check path must start with /") }
            if kind == "http" {
                let expect = try keys.take("status").map { v throws(CatalogDiagnostic) in try ComposeSyntax.statuses(v) } ?? .success
                return .http(service: name, path: path, expect: expect, auth: try credentials(keys.take("auth")))
            }
            let auth = try credentials(keys.take("auth"))
            let pointer = try keys.take("pointer")?.string() ?? ""
            let bound: JSONBound
            if let node = keys.take("distinct-at-least") {
                bound = .distinctAtLeast(try node.int(in: 0...1_000_000), field: try keys.require("field").string())
            } else if let node = keys.take("count-at-least"), let field = keys.take("where-field") {
                bound = .countWhere(try node.int(in: 0...1_000_000), field: try field.string(), value: try keys.require("where-equals").string())
            } else if let node = keys.take("count-at-least") {
                bound = .countAtLeast(try node.int(in: 0...1_000_000))
            } else if let node = keys.take("at-least") {
                guard let number = Double(try node.string()) else { throw node.expected("a number") }
                bound = .atLeast(number)
            } else if let node = keys.take("equals") {
                bound = .equals(try node.string())
            } else {
                throw body.diagnostic("a json check needs count-at-least, at-least or equals")
            }
            return .json(service: name, path: path, pointer: pointer, bound: bound, auth: auth)
        default:
            if let check = try labCheck(kind, body, service: service) { return check }
            throw value.diagnostic("unknown check '\(kind)': expected \(kinds)")
        }
    }
}
