import Foundation
import LabControl

/// A container's inspect document as lines for a person: pretty-printed with sorted keys, the
/// values of environment variables whose names say secret masked, and the lab's stored secret
/// values masked wherever they appear.
public enum InspectDocument {
    public static let mask = "••••••••"

    public static func lines(_ body: [UInt8], masker: SecretMasker?) -> [String] {
        guard var document = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            return ["(the engine's answer is not JSON: \(body.count) bytes)"]
        }
        document = masked(document)
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else {
            return ["(the engine's answer could not be printed)"]
        }
        let text = String(decoding: data, as: UTF8.self)
        return (masker?.apply(text) ?? text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `Env` entries (`KEY=value`) anywhere in the document whose key looks secret.
    static func masked(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, inner) in object {
                if key == "Env", let entries = inner as? [String] {
                    copy[key] = entries.map(maskedEntry)
                } else {
                    copy[key] = masked(inner)
                }
            }
            return copy
        }
        if let array = value as? [Any] { return array.map(masked) }
        return value
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
