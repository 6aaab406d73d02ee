import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog

/// A check's credentials made into headers, `${NAME}` filled from the secret store. What is
/// filled in is sent and never printed: a failure names the missing secret only.
enum CheckCredentials {
    struct Missing: Error, CustomStringConvertible {
        var names: [String]
        var description: String { "\(names.joined(separator: ", ")) not in the secret store (ailab install creates the lab's secrets)" }
    }

    static func headers(_ auth: Credentials, secrets: (String) -> String?) -> Result<[(name: String, value: String)], Missing> {
        var missing: [String] = []
        func fill(_ template: String) -> String {
            var result = "", rest = Substring(template)
            while let open = rest.firstRange(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                result += rest[..<open.lowerBound]
                let name = String(rest[open.upperBound..<close])
                if let value = secrets(name) { result += value } else { missing.append(name) }
                rest = rest[rest.index(after: close)...]
            }
            return result + rest
        }
        var headers = auth.headers.keys.sorted().map { (name: $0, value: fill(auth.headers[$0] ?? "")) }
        if let user = auth.basicUser {
            let pair = fill(user) + ":" + fill(auth.basicPassword ?? "")
            headers.append((name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString()))
        }
        return missing.isEmpty ? .success(headers) : .failure(Missing(names: missing))
    }
}
