import Canvas

/// A screen's style roles as text, one letter a cell, for a snapshot beside the text one: a
/// view that draws the right words in the wrong meaning (a crash in `.healthy`) fails a test.
/// Roles, not colours: the theme maps them at present time. A legend names the letters used.
enum RoleSnapshot {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// "h", the eighth letter, was `cursor`'s, a role nothing drew and since removed: it stays
    /// unused, so that no recorded snapshot changes letters.
    static func letter(_ role: Role) -> Character {
        let index = Role.allCases.firstIndex(of: role) ?? 0
        return letters[index < 7 ? index : index + 1]
    }

    static func of(_ buffer: ScreenBuffer) -> String {
        var used: Set<Role> = []
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let role = buffer[x, y].style.role
                used.insert(role)
                row.append(letter(role))
            }
            rows.append(row)
        }
        let legend = Role.allCases.filter(used.contains).map { "\(letter($0))=\($0.rawValue)" }.joined(separator: " ")
        return (["roles: \(legend)"] + rows).joined(separator: "\n")
    }
}
