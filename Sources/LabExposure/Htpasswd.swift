#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One `user:hash` line for Traefik's basicAuth middleware. Traefik accepts htpasswd's MD5,
/// SHA1 and bcrypt hashes (https://doc.traefik.io/traefik/middlewares/http/basicauth/:
/// "Passwords must be hashed using MD5, SHA1, or BCrypt"). SHA1 (`{SHA}` + base64) is the one
/// that needs no salt machinery; the password it hashes is 32 hex characters from the
/// system's CSPRNG (128 bits), which no dictionary or brute force reaches, salted or not.
/// Written here because Foundation on Linux has no digest API and the lab links no crypto.
public enum Htpasswd {
    public static func line(user: String, password: String) -> String {
        "\(user):{SHA}" + Data(sha1(Array(password.utf8))).base64EncodedString()
    }

    /// FIPS 180-4 SHA-1.
    static func sha1(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var bytes = message + [0x80]
        while bytes.count % 64 != 56 { bytes.append(0) }
        let bits = UInt64(message.count) * 8
        bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: bits >> (UInt64($0) * 8)) }
        for chunk in stride(from: 0, to: bytes.count, by: 64) {
            var w = (0..<16).map { i in
                (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[chunk + i * 4 + $1]) }
            }
            for i in 16..<80 { w.append(rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32)
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let t = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, rotate(b, 30), a, t)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> (UInt32($0) * 8)) } }
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
}
