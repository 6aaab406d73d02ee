#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ContainerSummary {
    /// A row for a container whose entry in the list could not be read: as much of its
    /// identity as can be salvaged (id, names, labels, each read on its own), state
    /// "unknown", and what was wrong, so it shows as one row while the rest of the lab stays live.
    static func unreadable(index: Int, item: ArraySlice<UInt8>, detail: String) -> ContainerSummary {
        let salvage = try? JSONDecoder().decode(Salvage.self, from: Data(item))
        let id = salvage?.id ?? scanID(item) ?? "unreadable-\(index)"
        var summary = ContainerSummary(
            id: id, names: salvage?.names ?? ["unreadable-\(index)"], image: "", state: "unknown",
            status: "unreadable: \(detail)", labels: salvage?.labels ?? [:])
        summary.problem = "the engine's entry [\(index)] in the container list: \(detail)"
        return summary
    }

    /// Each field alone, so one bad field does not take the others with it.
    private struct Salvage: Decodable {
        var id: String?, names: [String]?, labels: [String: String]?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try? c.decode(String.self, forKey: .id)
            names = try? c.decode([String].self, forKey: .names)
            labels = try? c.decode([String: String].self, forKey: .labels)
        }
    }

    /// `"Id":"<64 hex>"` found in the raw bytes, for an item that is not even valid JSON.
    private static func scanID(_ item: ArraySlice<UInt8>) -> String? {
        let key = Array(#""Id":""#.utf8)
        guard let at = item.indices.first(where: { item[$0...].starts(with: key) }) else { return nil }
        let hex = item[(at + key.count)...].prefix { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }.prefix(64)
        return hex.count == 64 ? String(decoding: hex, as: UTF8.self) : nil
    }
}
