/// Cuts a JSON array into its items' bytes without parsing them, so each item is decoded on
/// its own: one container with invalid UTF-8, a number like `1e999` or nesting past the
/// decoder's depth limit spoils its own row, not the whole list (issue 11, item 4).
/// Iterative (a depth counter, no recursion), so hostile nesting costs no stack.
enum JSONItems {
    struct NotAnArray: Error {}

    static func split(_ bytes: [UInt8]) throws -> [ArraySlice<UInt8>] {
        var index = bytes.startIndex
        func skipSpace() { while index < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 } }
        skipSpace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "[") else { throw NotAnArray() }
        index += 1
        var items: [ArraySlice<UInt8>] = []
        var start = index
        var depth = 0
        var inString = false, escaped = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else {
                switch byte {
                case 0x22: inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]") where depth == 0, UInt8(ascii: ",") where depth == 0:
                    let item = trimmed(bytes[start..<index])
                    if !item.isEmpty || byte == UInt8(ascii: ",") { items.append(item) }
                    if byte == UInt8(ascii: "]") {
                        index += 1
                        skipSpace()
                        guard index == bytes.endIndex else { throw NotAnArray() }
                        return items
                    }
                    start = index + 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            index += 1
        }
        throw NotAnArray()  // cut off before its closing bracket
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let first = slice.first, [0x20, 0x0A, 0x0D, 0x09].contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, [0x20, 0x0A, 0x0D, 0x09].contains(last) { slice = slice.dropLast() }
        return slice
    }
}
