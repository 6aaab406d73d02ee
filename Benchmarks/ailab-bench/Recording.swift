import DockerClient
import Foundation

/// The engine's answers for the benchmark's lab, recorded from the private engine once
/// (`/containers/json?all=1` and each container's inspect) and replayed at any size: beyond
/// the recorded containers, copies with fresh ids and names and no lab labels (other
/// people's containers, which the console must still list and skip).
enum Recording {
    static func record(_ client: DockerClient, project: String, into directory: String) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let list = try await client.rawGet("/containers/json", query: [("all", "1")])
        try Data(list).write(to: URL(fileURLWithPath: directory + "/containers.json"))
        for container in try await client.listContainers(filters: ["label": ["com.docker.compose.project=\(project)"]]) {
            try Data(try await client.rawGet("/containers/\(container.id)/json")).write(to: URL(fileURLWithPath: "\(directory)/\(container.id).json"))
        }
    }

    /// Writes `containers-<count>.json`: the engine's list answer as it would be at that size.
    static func scale(_ directory: String, to count: Int) throws {
        let list = try Data(contentsOf: URL(fileURLWithPath: directory + "/containers.json"))
        var rows = try JSONSerialization.jsonObject(with: list) as? [[String: Any]] ?? []
        let recorded = rows
        var index = 0
        while rows.count < count, !recorded.isEmpty {
            var copy = recorded[index % recorded.count]
            copy["Id"] = String(format: "%064x", index + 1)
            copy["Names"] = ["/other-\(index)"]
            copy["Labels"] = ["team": "someone-else"]
            rows.append(copy)
            index += 1
        }
        rows = Array(rows.prefix(count))
        try JSONSerialization.data(withJSONObject: rows).write(to: URL(fileURLWithPath: "\(directory)/containers-\(count).json"))
    }

    /// Decodes a scaled answer as the console decodes the engine's: the child measures only that.
    static func load(_ directory: String, scaledTo count: Int) throws -> ([ContainerSummary], [String: ContainerInspect]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/containers-\(count).json"))
        let summaries = try JSONDecoder().decode([ContainerSummary].self, from: data)
        var inspects: [String: ContainerInspect] = [:]
        for summary in summaries {
            let path = "\(directory)/\(summary.id).json"
            if let data = FileManager.default.contents(atPath: path) { inspects[summary.id] = try JSONDecoder().decode(ContainerInspect.self, from: data) }
        }
        return (summaries, inspects)
    }
}
