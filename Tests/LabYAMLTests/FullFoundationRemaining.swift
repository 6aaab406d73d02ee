/// The files under Sources/ that still import full Foundation (issue 17), each with the APIs it
/// uses that FoundationEssentials lacks; `FullFoundationImportTests` keeps the list exact. It
/// must reach empty before the binary drops ICU: one file is enough to link it all.
enum FullFoundationRemaining {
    static let files: Set<String> = []
}
