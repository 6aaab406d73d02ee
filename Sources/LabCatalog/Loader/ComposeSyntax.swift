#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Basics

/// Compose's short forms: ports, volumes, environment, durations, commands.
enum ComposeSyntax {
    /// `"[ip:][host:]container[/proto]"`, ranges included, or the long form with target/published.
    static func ports(_ value: YAMLValue) throws(CatalogDiagnostic) -> [PortSpec] {
        var result: [PortSpec] = []
        for item in try value.items() {
            if case .mapping = item.node {
                var keys = try KeyReader(item)
                let target = try keys.require("target").int(in: 1...65535)
                // `published` may be a range ("8000-8010"): compose takes a free port in it; the lab
                // claims its first, so clashes and probes have one port to go by.
                let published = try keys.take("published").map { v throws(CatalogDiagnostic) in try range(try v.string(), v)[0] }
                let proto = try keys.take("protocol")?.string() ?? "tcp"
                let hostIP = try keys.take("host_ip")?.string()
                _ = keys.take("mode")
                _ = keys.take("name")
                _ = keys.take("app_protocol")
                result.append(PortSpec(host: published, container: target, proto: proto, hostIP: hostIP))
            } else {
                result += try shortPort(item)
            }
        }
        return result
    }

    private static func shortPort(_ item: YAMLValue) throws(CatalogDiagnostic) -> [PortSpec] {
        var text = try item.string()
        var proto = "tcp"
        if let slash = text.lastIndex(of: "/") {
            proto = String(text[text.index(after: slash)...])
            text = String(text[..<slash])
            guard ["tcp", "udp", "sctp"].contains(proto) else { throw item.diagnostic("unknown protocol '\(proto)' (tcp, udp or sctp)") }
        }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var hostIP: String?
        if parts.count == 3 { hostIP = parts.removeFirst() }
        guard (1...2).contains(parts.count) else { throw item.expected("a port as [ip:][host:]container[/proto]") }
        let containers = try range(parts.last!, item)
        let hosts = parts.count == 2 ? try range(parts[0], item) : nil
        if let hosts, hosts.count != containers.count {
            throw item.diagnostic("host range and container range differ in length")
        }
        return containers.enumerated().map { offset, port in
            PortSpec(host: hosts?[offset], container: port, proto: proto, hostIP: hostIP)
        }
    }

    private static func range(_ text: String, _ item: YAMLValue) throws(CatalogDiagnostic) -> [Int] {
        let bounds = text.split(separator: "-").map { Int($0) }
        guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map { (1...65535).contains($0) } ?? false }) else {
            throw item.diagnostic("'\(text)' is not a port number from 1 to 65535")
        }
        let low = bounds[0]!, high = bounds.last!!
        guard low <= high, high - low < 1000 else { throw item.diagnostic("port range '\(text)' is reversed or too wide") }
        return Array(low...high)
    }

    /// `"source:target[:ro]"` or the long form with type/source/target/read_only.
    static func volumes(_ value: YAMLValue) throws(CatalogDiagnostic) -> [VolumeMount] {
        var result: [VolumeMount] = []
        for item in try value.items() {
            if case .mapping = item.node {
                var keys = try KeyReader(item)
                _ = keys.take("type")
                let source = try keys.take("source")?.string() ?? ""
                let target = try keys.require("target").string()
                let readOnly = try keys.take("read_only")?.bool() ?? false
                result.append(VolumeMount(source: source, target: target, readOnly: readOnly))
                continue
            }
            let parts = try item.string().split(separator: ":").map(String.init)
            switch parts.count {
            case 1: result.append(VolumeMount(source: "", target: parts[0]))
            case 2: result.append(VolumeMount(source: parts[0], target: parts[1]))
            case 3:
                guard parts[2].split(separator: ",").allSatisfy({ ["ro", "rw", "z", "Z", "nocopy"].contains($0) }) else {
                    throw item.diagnostic("unknown mount option '\(parts[2])' (ro, rw, z, Z)")
                }
                result.append(VolumeMount(source: parts[0], target: parts[1], readOnly: parts[2].contains("ro")))
            default: throw item.expected("a volume as source:target[:ro]")
            }
            guard result.last!.target.hasPrefix("/") else { throw item.diagnostic("the mount target must be an absolute path") }
        }
        return result
    }

    /// A mapping `NAME: value` or a list `NAME=value`; a name alone has no value.
    static func environment(_ value: YAMLValue) throws(CatalogDiagnostic) -> [EnvVar] {
        if case .mapping = value.node {
            var result: [EnvVar] = []
            for (key, item) in try value.entries() {
                result.append(EnvVar(name: key, value: item.isNull ? nil : try item.string()))
            }
            return result
        }
        var result: [EnvVar] = []
        for item in try value.items() {
            let text = try item.string()
            if let equals = text.firstIndex(of: "=") {
                result.append(EnvVar(name: String(text[..<equals]), value: String(text[text.index(after: equals)...])))
            } else {
                result.append(EnvVar(name: text, value: nil))
            }
        }
        return result
    }

    /// `1m30s`, `10s`, `500ms`, `2h` → seconds.
    static func duration(_ value: YAMLValue) throws(CatalogDiagnostic) -> Double {
        let text = try value.string()
        var total = 0.0
        var number = ""
        var index = text.startIndex
        var sawUnit = false
        while index < text.endIndex {
            let char = text[index]
            if char.isNumber || char == "." {
                number.append(char)
                index = text.index(after: index)
                continue
            }
            var unit = String(char)
            index = text.index(after: index)
            if char == "m", index < text.endIndex, text[index] == "s" {
                unit = "ms"
                index = text.index(after: index)
            }
            let scale: Double? = ["h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 0.000001][unit]
            guard let scale, let amount = Double(number) else { throw value.expected("a duration such as 30s, 1m30s or 500ms") }
            total += amount * scale
            number = ""
            sawUnit = true
        }
        if !number.isEmpty {
            guard !sawUnit, let seconds = Double(number) else { throw value.expected("a duration such as 30s, 1m30s or 500ms") }
            total += seconds
        }
        return total
    }

    /// A command as a list, or a string split on white space (compose's shell-like split, quotes kept simple).
    static func command(_ value: YAMLValue) throws(CatalogDiagnostic) -> [String] {
        if case .sequence = value.node { return try value.strings() }
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for char in try value.string() {
            if let open = quote {
                if char == open { quote = nil } else { current.append(char) }
            } else if char == "\"" || char == "'" {
                quote = char
                inWord = true
            } else if char == " " || char == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(char)
                inWord = true
            }
        }
        if quote != nil { throw value.diagnostic("unclosed quote in the command") }
        if inWord { words.append(current) }
        return words
    }

    /// `depends_on` as a list, or as a mapping of name to `{condition: …}`.
    static func dependsOn(_ value: YAMLValue) throws(CatalogDiagnostic) -> [(name: String, at: YAMLValue)] {
        if case .mapping = value.node {
            return try value.entries().map { ($0.key, $0.value) }
        }
        var result: [(name: String, at: YAMLValue)] = []
        for item in try value.items() { result.append((try item.string(), item)) }
        return result
    }

    /// `200`, `[200, 429]`, or `"200-499"`.
    static func statuses(_ value: YAMLValue) throws(CatalogDiagnostic) -> StatusSet {
        var ranges: [ClosedRange<Int>] = []
        let texts: [(String, YAMLValue)]
        if case .sequence = value.node {
            texts = try value.items().map { item throws(CatalogDiagnostic) in (try item.string(), item) }
        } else {
            texts = [(try value.string(), value)]
        }
        for (text, item) in texts {
            let bounds = text.split(separator: "-").map { Int($0.trimmed { $0 == " " || $0 == "\t" }) }
            guard (1...2).contains(bounds.count), let low = bounds[0], let high = bounds.last!, (100...599).contains(low),
                (low...599).contains(high)
            else { throw item.expected("an HTTP status such as 200, or a range such as 200-499") }
            ranges.append(low...high)
        }
        return StatusSet(ranges)
    }
}
