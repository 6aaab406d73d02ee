/// A dependency cycle, as the path that returns to its start (`a → b → a`).
public struct DependencyCycle: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: [String]
    public init(path: [String]) { self.path = path }
    public var description: String { "dependency cycle: \(path.joined(separator: " → "))" }
}

/// Ordering over "needs" edges: dependencies before the services that need them.
public enum DependencyOrder {
    /// `roots` and everything they need, each after what it needs; ties keep `roots`' order.
    public static func closure(of roots: [String], edges: [String: [String]]) throws(DependencyCycle) -> [String] {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var order: [String] = []
        func visit(_ node: String) -> [String]? {
            if state[node] == 2 { return nil }
            if state[node] == 1, let start = stack.firstIndex(of: node) { return Array(stack[start...]) + [node] }
            state[node] = 1
            stack.append(node)
            for next in edges[node] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            state[node] = 2
            order.append(node)
            return nil
        }
        for root in roots {
            if let cycle = visit(root) { throw DependencyCycle(path: cycle) }
        }
        return order
    }

    /// The first cycle among `order`'s nodes, or nil.
    public static func findCycle(_ edges: [String: [String]], order: [String]) -> [String]? {
        do {
            _ = try closure(of: order, edges: edges)
            return nil
        } catch {
            return error.path
        }
    }
}

extension Catalog {
    var dependencyEdges: [String: [String]] { Dictionary(services.map { ($0.name, $0.dependencies) }, uniquingKeysWith: { a, _ in a }) }

    /// `names` and every service they need, dependencies first.
    public func installOrder(_ names: [String]) throws(DependencyCycle) -> [String] {
        try DependencyOrder.closure(of: names, edges: dependencyEdges)
    }

    /// Services that name `service` among their dependencies.
    public func dependents(of service: String) -> [String] {
        services.filter { $0.dependencies.contains(service) }.map(\.name)
    }
}
