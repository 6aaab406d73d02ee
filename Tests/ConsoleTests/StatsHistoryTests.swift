import Canvas
@testable import Console
import DockerClient
import Foundation
import Testing

/// CPU and memory history for sparklines, and I/O rates from the engine's running totals.
@Suite struct StatsHistoryTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func ratesComeFromConsecutiveTotalsAndACounterResetGivesNoNegativeRate() {
        var history = StatsHistory()
        history.append(StatsSample(cpuPercent: 10, memoryBytes: 100, memoryLimit: 0, networkRx: 1000, networkTx: 0, blockRead: 0, blockWrite: 4096, at: t0))
        #expect(history.rates == nil)
        history.append(StatsSample(cpuPercent: 30, memoryBytes: 200, memoryLimit: 0, networkRx: 3000, networkTx: 500, blockRead: 0, blockWrite: 8192, at: t0.addingTimeInterval(2)))
        #expect(history.rates == StatsHistory.Rates(networkIn: 1000, networkOut: 250, blockRead: 0, blockWrite: 2048))
        history.append(StatsSample(cpuPercent: nil, memoryBytes: 50, memoryLimit: 0, networkRx: 10, at: t0.addingTimeInterval(3)))
        #expect(history.rates?.networkIn == 0)
        #expect(history.cpu == [10, 30])  // a sample without a CPU figure adds none
        #expect(history.memory == [100, 200, 50])
    }

    @Test func historyIsBoundedAndServicesSumTheirContainersAlignedAtTheEnd() {
        var long = StatsHistory()
        for index in 0..<(StatsHistory.limit + 50) { long.append(StatsSample(cpuPercent: Double(index), memoryBytes: 1, memoryLimit: 0)) }
        #expect(long.cpu.count == StatsHistory.limit)
        #expect(long.cpu.last == Double(StatsHistory.limit + 49))
        var a = StatsHistory(), b = StatsHistory()
        for value in [1.0, 2, 3] { a.append(StatsSample(cpuPercent: value, memoryBytes: 0, memoryLimit: 0)) }
        b.append(StatsSample(cpuPercent: 10, memoryBytes: 0, memoryLimit: 0))
        #expect(StatsHistory.combined([a, b]).cpu == [1, 2, 13])
    }

    @Test func sparklinesScaleToTheirLargestValueAndSurviveNonsense() {
        #expect(Sparkline.text([0, 50, 100], width: 3, glyphs: .unicode) == "▁▅█")
        #expect(Sparkline.text([0, 50, 100], width: 2, glyphs: .ascii) == "-#")
        #expect(Sparkline.text([.nan, .infinity, -5, 0], width: 4, glyphs: .unicode) == "▁▁▁▁")
        #expect(Sparkline.text([], width: 4, glyphs: .unicode).isEmpty)
    }

    @Test func statsDecodeNetworkAndBlockTotalsSaturating() throws {
        let json = """
            {"read": "2026-11-24T20:41:07Z", "networks": {"eth0": {"rx_bytes": 100, "tx_bytes": 7}, "eth1": {"rx_bytes": 18446744073709551615, "tx_bytes": 3}},
             "blkio_stats": {"io_service_bytes_recursive": [{"op": "Read", "value": 4096}, {"op": "Write", "value": 512}, {"op": "read", "value": 1}]}}
            """
        let stats = try JSONDecoder().decode(ContainerStats.self, from: Data(json.utf8))
        #expect(stats.networkRx == .max)
        #expect(stats.networkTx == 10)
        #expect(stats.blockRead == 4097 && stats.blockWrite == 512)
    }
}
