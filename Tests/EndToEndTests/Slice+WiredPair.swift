extension Slice {
    /// Two services of this slice's images: `vectors` (health-checked) and `chat`, wired to
    /// `vectors` by the environment variable STORE and mounting one config file. `chat` is the
    /// lines its test adds to chat (indented as its keys); `config` is the one config's entry,
    /// which chat mounts as `source` at `target`.
    func wiredPair(chat: String = "", config source: String, at target: String, content: String) -> String {
        """
        name: PROJECT
        services:
          vectors:
            image: \(storeImage)
            stop_grace_period: 1s
            healthcheck: {test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:8080/health"], interval: 1s, timeout: 2s, retries: 3}
            x-ailab: {layer: data, phase: 1}
          chat:
            image: \(appImage)
            stop_grace_period: 1s
            configs: [{source: \(source), target: \(target)}]
        \(chat)    x-ailab:
              layer: app
              phase: 1
              wires: [{to: vectors, environment: {STORE: "http://vectors:8080"}}]
        configs:
          \(source): {content: \(content)}
        """
    }
}
