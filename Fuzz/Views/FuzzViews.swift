// libFuzzer entry for the path from the engine's answers to a rendered frame (issue 11, item
// 12): a container list (decoded item by item, as the client does), an inspect, events and a
// stats sample, all from the fuzzer's bytes, become containers, a lab snapshot and console
// state, and every screen is drawn at a few sizes. A trap anywhere (an overflowing sum, an
// Int() of a huge Double, an index out of range) fails the run. Built by scripts/fuzz.sh as a
// dynamic library with -sanitize=fuzzer,address and linked to libFuzzer's main.
import Canvas
import Console
import ConsoleViews
import DockerClient
import Foundation
import LabCatalog
import LabModel
import LabLive

/// The built-in catalog, loaded once: parsing YAML per input would drown the views' share.
private let catalog = try? Catalog.builtIn()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzViews(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let catalog, size > 2 else { return 0 }
    // Parts at every 0xFF byte: list, inspect, events (NDJSON), stats, then two size bytes.
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0xFF, maxSplits: 4, omittingEmptySubsequences: false).map(Array.init)
    func part(_ index: Int) -> [UInt8] { index < parts.count ? parts[index] : [] }
    let decoder = JSONDecoder()
    guard let summaries = try? DockerClient.containerList(part(0)) else { return 0 }
    var containers = summaries.map(ContainerStatus.init(summary:))
    if let inspect = try? decoder.decode(ContainerInspect.self, from: Data(part(1))) {
        for index in containers.indices where containers[index].id == inspect.id || index == 0 { containers[index].merge(inspect) }
    }
    let engine = EngineInfo(endpoint: "unix:///fuzz.sock", reachable: bytes[0] & 1 == 0, version: "20.10.24", apiVersion: "1.41")
    let snapshot = LabSnapshot(catalog: catalog, engine: engine, containers: containers)
    let sizes = [(0, 0), (1, 1), (80, 24), (20 + Int(bytes[size - 2] % 200), 5 + Int(bytes[size - 1] % 60))]
    var state = AppState(snapshot: snapshot, width: sizes[3].0, height: sizes[3].1)
    var events: [ConsoleEvent] = [.lab(.snapshot(snapshot))]
    for line in part(2).split(separator: 0x0A) {
        guard let event = try? decoder.decode(EngineEvent.self, from: Data(line)) else { continue }
        if let labEvent = LabEvent(event, service: snapshot.services.first { $0.containers.contains { $0.id == event.actorID } }?.service.name) {
            events.append(.lab(.event(labEvent)))
        }
    }
    if let stats = try? decoder.decode(ContainerStats.self, from: Data(part(3))) {
        let sample = StatsSample(cpuPercent: stats.cpuPercent, memoryBytes: stats.memoryUsed, memoryLimit: stats.memoryLimit)
        // The same sample for every container: sums over a service's containers are the risk.
        for container in containers { events.append(.stats(containerID: container.id, sample)) }
    }
    for event in events { _ = Reducer.reduce(&state, event) }
    for screen in Screen.allCases {
        state.screen = screen
        for (width, height) in sizes {
            state.width = width
            state.height = height
            _ = ConsoleRenderer.render(state)
        }
    }
    return 0
}
