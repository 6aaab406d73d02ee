/// Rows and columns of a terminal (an exec's TTY is sized to the user's).
public struct TerminalSize: Sendable, Equatable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) { (self.rows, self.columns) = (rows, columns) }
}
