#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 6901 JSON Pointer over `Any` trees ([String: Any], [Any]: `JSONValue.any`, or JSONSerialization's).
public enum JSONPointer {
    public static func resolve(_ pointer: String, in document: Any) -> Any? {
        guard !pointer.isEmpty else { return document }
        var current: Any = document
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = String(raw.replacing("~1", with: "/").replacing("~0", with: "~"))
            if let object = current as? [String: Any], let next = object[token] {
                current = next
            } else if let array = current as? [Any], let index = Int(token), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }
}
