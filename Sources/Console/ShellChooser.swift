/// The question `e` asks about a service of several running containers: which one.
public struct ShellChooser: Sendable, Equatable {
    public var service: String
    /// Each running container, with the component it is (or its name) to show.
    public var choices: [(container: ContainerRef, label: String)]
    public var row = 0

    public init(service: String, choices: [(container: ContainerRef, label: String)]) {
        self.service = service
        self.choices = choices
    }

    public static func == (lhs: ShellChooser, rhs: ShellChooser) -> Bool {
        lhs.service == rhs.service && lhs.row == rhs.row && lhs.choices.map(\.container) == rhs.choices.map(\.container)
            && lhs.choices.map(\.label) == rhs.choices.map(\.label)
    }
}
