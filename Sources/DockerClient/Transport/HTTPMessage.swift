/// One request to the engine, already versioned (`/v1.41/containers/json?...`).
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST", delete = "DELETE", head = "HEAD", put = "PUT" }

    public var method: Method
    public var path: String
    public var body: [UInt8]?
    public var contentType: String?
    /// Extra headers (a service's credentials for a metric check): sent, never logged.
    public var headers: [(name: String, value: String)] = []

    public init(_ method: Method, _ path: String, body: [UInt8]? = nil, contentType: String? = nil) {
        self.method = method
        self.path = path
        self.body = body
        self.contentType = contentType
    }
}

/// A whole answer: status, headers and the body, de-chunked.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// The start of a streamed answer; the body arrives as chunks after it.
public struct HTTPStreamHead: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
}

