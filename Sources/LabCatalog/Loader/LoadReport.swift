/// Every error and warning of one load, so a run reports them all at once, sorted by position.
final class LoadReport {
    private(set) var errors: [CatalogDiagnostic] = []
    private(set) var warnings: [CatalogDiagnostic] = []
    /// Compose keys ailab does not apply, by key: grouped into one line each at the end.
    private var notApplied: [String: (first: CatalogDiagnostic, services: Set<String>)] = [:]

    /// `file:line`s of values whose interpolation failed: other complaints about them are echoes.
    private var poisoned: Set<String> = []
    private var valueErrors: Set<String> = []

    func error(_ diagnostic: CatalogDiagnostic) { errors.append(diagnostic) }

    /// An error in a value itself (its interpolation), which later reads of it would only repeat.
    func valueError(_ diagnostic: CatalogDiagnostic) {
        errors.append(diagnostic)
        poisoned.insert("\(diagnostic.file):\(diagnostic.line)")
        valueErrors.insert(diagnostic.description)
    }
    func warn(_ diagnostic: CatalogDiagnostic) { warnings.append(diagnostic) }

    /// Runs one independent piece of the load; its error is recorded and the load goes on.
    func attempt(_ body: () throws(CatalogDiagnostic) -> Void) {
        do { try body() } catch { errors.append(error) }
    }

    func notApplied(_ key: String, service: String, at: CatalogDiagnostic) {
        if var entry = notApplied[key] {
            entry.services.insert(service)
            notApplied[key] = entry
        } else {
            notApplied[key] = (at, [service])
        }
    }

    /// The warnings, the grouped ones included, in file order.
    func sortedWarnings() -> [CatalogDiagnostic] {
        var all = warnings
        for (key, entry) in notApplied {
            var diagnostic = entry.first
            let count = entry.services.count
            diagnostic.path = ""
            diagnostic.message = "'\(key)' is not applied (\(count) service\(count == 1 ? "" : "s"))"
            all.append(diagnostic)
        }
        return Self.sorted(all)
    }

    func sortedErrors() -> [CatalogDiagnostic] {
        Self.sorted(errors).filter { !poisoned.contains("\($0.file):\($0.line)") || valueErrors.contains($0.description) }
    }

    static func sorted(_ list: [CatalogDiagnostic]) -> [CatalogDiagnostic] {
        var seen: Set<String> = []
        return list.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
            .filter { seen.insert($0.description).inserted }
    }
}
