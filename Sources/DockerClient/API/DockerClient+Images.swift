/// An image reference split the way the engine's pull wants it.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    public var repository: String
    public var tag: String

    /// `registry:5000/ns/name:tag` → repository `registry:5000/ns/name`, tag `tag` (`latest` when absent).
    public init(_ text: String) {
        if let at = text.firstIndex(of: "@") {
            repository = String(text[..<at])
            tag = String(text[text.index(after: at)...])
            return
        }
        let lastSlash = text.lastIndex(of: "/")
        if let colon = text.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            repository = String(text[..<colon])
            tag = String(text[text.index(after: colon)...])
        } else {
            repository = text
            tag = "latest"
        }
    }

    public var description: String { tag.hasPrefix("sha256:") ? "\(repository)@\(tag)" : "\(repository):\(tag)" }
}

extension DockerClient {
    public func listImages() async throws -> [ImageSummary] {
        let response = try await call(.get, "/images/json", operation: "list images")
        return try decode([ImageSummary].self, response, operation: "list images")
    }

    /// True when the engine has `reference` locally.
    public func hasImage(_ reference: String) async throws -> Bool {
        do {
            _ = try await call(.get, "/images/\(reference)/json", operation: "inspect image \(reference)")
            return true
        } catch DockerError.notFound {
            return false
        }
    }

    /// Asks the registry, through the engine (`GET /distribution/{name}/json`), whether
    /// `reference` can be pulled, without pulling it. Throws the registry's own refusal
    /// ("manifest unknown", a refused connection) as `DockerError.engine`.
    public func checkPullable(_ reference: String) async throws {
        _ = try await call(.get, "/distribution/\(ImageReference(reference))/json", operation: "look up \(reference) in its registry",
            timeout: max(requestTimeout, .seconds(15)))
    }

    /// Pulls, yielding each progress line. A failure the engine reports inside the stream
    /// (a missing tag, a refused registry) ends the stream with `DockerError.engine`.
    public func pull(_ reference: String) async throws -> EngineStream<PullProgress> {
        let ref = ImageReference(reference)
        let lines = Self.decodeLines(
            try await openStream(.post, "/images/create", query: [("fromImage", ref.repository), ("tag", ref.tag)], operation: "pull \(reference)"),
            as: PullProgress.self, operation: "pull \(reference)")
        return EngineStream { send in
            for try await line in lines {
                if let error = line.error { throw DockerError.engine(status: 200, message: error) }
                try await send(line)
            }
        }
    }

    public func removeImage(_ reference: String, force: Bool = false) async throws {
        _ = try await call(.delete, "/images/\(reference)", query: [("force", force ? "1" : "0")], operation: "remove image \(reference)")
    }
}
