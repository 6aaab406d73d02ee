#if canImport(Glibc)
import Glibc
#endif

/// Numbers as text without `String(format:)` (full Foundation only, issue 17): fixed decimals
/// and zero padding, the only formats ailab prints.
public enum NumberText {
    /// `value` with exactly `places` digits after the point: the C library's own "%.*f", so
    /// rounding is printf's to the last digit.
    public static func fixed(_ value: Double, places: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 352)
        let count = withVaList([Int32(max(0, min(places, 20))), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        guard count >= 0 else { return String(value) }
        guard Int(count) < buffer.count else { return String(value) }
        return String(decoding: buffer[..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `value` in decimal, with leading zeros up to `width` digits ("%02d", "%09lld").
    public static func zeroPadded<Value: BinaryInteger>(_ value: Value, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Lower-case hexadecimal, two digits a byte ("%02x").
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
