extension BuiltInFiles {
    /// The directory the built-in catalog's relative `configs` paths start from: a name for no
    /// place on disk, so its files come from `files` alone, whatever the working directory holds.
    static let directory = "(built-in)"
}
