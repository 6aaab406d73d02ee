import NIOCore
import NIOSSL

/// TLS to a tcp:// engine, from the files the docker CLI uses: `DOCKER_CERT_PATH`'s (or a
/// context's `tls/<id>/docker/`) ca.pem, cert.pem and key.pem
/// (docs.docker.com/engine/security/protect-access/: "--tlsverify", ca.pem verifies the daemon,
/// cert.pem and key.pem are the client's). `verify` false is the context's `SkipTLSVerify`.
public struct EngineTLS: Sendable, Hashable {
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    public var verify: Bool

    public init(caFile: String?, certFile: String?, keyFile: String?, verify: Bool = true) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.verify = verify
    }

    /// The NIOSSL context, read once; a missing or unreadable file names itself.
    func makeContext(endpoint: String) throws(DockerError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        do {
            if let caFile { configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile)) }
        } catch { throw .badEndpoint(endpoint, "the CA file \(caFile ?? ""): \(error)") }
        do {
            if let certFile { configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certFile).map { .certificate($0) } }
        } catch { throw .badEndpoint(endpoint, "the client certificate \(certFile ?? ""): \(error)") }
        do {
            if let keyFile { configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)) }
        } catch { throw .badEndpoint(endpoint, "the client key \(keyFile ?? ""): \(error)") }
        if !verify { configuration.certificateVerification = .none }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch { throw .badEndpoint(endpoint, "TLS settings: \(error)") }
    }

    /// The name to verify: a DNS name as given; nil for an IP address, which NIOSSL refuses as
    /// SNI and checks against the certificate's IP entries instead.
    static func serverName(_ host: String) -> String? {
        let isAddress = host.contains(":") || host.split(separator: ".").allSatisfy { UInt8($0) != nil }
        return isAddress ? nil : host
    }

    /// A handshake failure, in words: the usual cause is a CA that did not sign the engine's
    /// certificate, or an engine that wants a client certificate.
    static func describe(_ error: any Error) -> String? {
        guard error is NIOSSLError || error is BoringSSLError || String(reflecting: type(of: error)).contains("NIOSSL") else { return nil }
        return "TLS handshake failed (\(error)): check the CA (ca.pem) and the client certificate"
    }
}
