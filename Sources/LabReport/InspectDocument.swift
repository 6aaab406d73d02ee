import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabControl

/// A container's inspect document as lines for a person: pretty-printed with sorted keys, the
/// values of environment variables whose names say secret masked, and the lab's stored secret
/// values masked wherever they appear.
public enum InspectDocument {
    public static let mask = "••••••••"

    public static func lines(_ body: [UInt8], masker: SecretMasker?) -> [String] {
        guard let document = try? JSONValue.parse(body) else {
            return ["(the engine's answer is not JSON: \(body.count) bytes)"]
        }
        // Sorted keys, slashes as they are, two-space indent: JSONSerialization's pretty form.
        let text = String(decoding: masked(document).encoded(pretty: true), as: UTF8.self)
        return (masker?.apply(text) ?? text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `Env` entries (`KEY=value`) anywhere in the document whose key looks secret.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var copy: [String: JSONValue] = [:]
            for (key, inner) in object {
                if key == "Env", case .array(let entries) = inner {
                    copy[key] = .array(entries.map { $0.string.map { .string(maskedEntry($0)) } ?? masked($0) })
                } else {
                    copy[key] = masked(inner)
                }
            }
            return .object(copy)
        case .array(let items): return .array(items.map(masked))
        default: return value
        }
    }

    static func maskedEntry(_ entry: String) -> String {
        guard let equals = entry.firstIndex(of: "=") else { return entry }
        return SecretNames.looksSecret(String(entry[..<equals])) ? String(entry[...equals]) + mask : entry
    }
}

/// Names people give secrets: a value under one of them is never shown.
public enum SecretNames {
    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL", "MASTER_KEY", "AUTH_KEY", "SALT"]
            .contains { upper.contains($0) }
    }
}
