/// One container an action names instead of a catalog service: the Containers screen acts on
/// any container of the engine (another project's, or one of the lab's components) alone.
/// The console's `ContainerRef` (logs, inspect) is this same value.
public struct ContainerTarget: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

extension ActionRequest {
    /// start, stop, restart or remove one container; its name stands as the target in titles
    /// and the action log ("stop other-web-1").
    public static func container(_ kind: ActionKind, _ target: ContainerTarget) -> ActionRequest {
        var request = ActionRequest(kind, [target.name])
        request.container = target
        return request
    }
}
