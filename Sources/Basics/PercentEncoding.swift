extension StringProtocol {
    /// Percent-encoded for a URL's query or path: every byte but RFC 3986's unreserved ones
    /// (ALPHA DIGIT - . _ ~) escaped, which is always valid in either place. Foundation's
    /// `addingPercentEncoding(withAllowedCharacters:)` needs `CharacterSet` (ICU, issue 17).
    public func percentEncoded() -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
