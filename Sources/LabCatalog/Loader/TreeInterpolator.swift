import LabYAML

/// Interpolates every value of one file's tree at load, as compose does (keys are left alone).
/// Environment, command and entrypoint stay compose text around the names of the lab's secrets
/// (`${POSTGRES_PASSWORD}`), which the install resolves from the secret store; everywhere
/// else, healthcheck tests included, `$$` becomes `$` here.
struct TreeInterpolator {
    let file: String
    let lookup: (String) -> String?
    /// Variables declared in `x-ailab.secrets`: resolved at install, never from the environment.
    let secrets: Set<String>
    private(set) var errors: [CatalogDiagnostic] = []
    /// Unset variables with no default, each with where it was first used.
    private(set) var unset: [(name: String, at: CatalogDiagnostic)] = []
    private var unsetNames: Set<String> = []
    /// Values changed so far: a subtree with none is returned as it was, not rebuilt.
    private var rewrites = 0

    init(file: String, secrets: Set<String>, lookup: @escaping (String) -> String?) {
        self.file = file
        self.secrets = secrets
        self.lookup = lookup
    }

    /// Service keys whose values are interpolated once more at install (around secret names).
    static let installTemplates: Set<String> = ["environment", "command", "entrypoint"]

    /// `depth` and `inServices` locate the value without building a path per node: a value is an
    /// install template when it sits under `services.<name>.<environment|command|entrypoint>`.
    mutating func interpolate(_ node: Node, depth: Int = 0, inServices: Bool = false, template: Bool = false) -> Node {
        switch node {
        case .scalar(var scalar):
            guard scalar.string.contains("$") else { return node }
            let original = scalar.string
            var missing: [String] = []
            let rules = Interpolation.Rules(
                keep: { [secrets] in template && secrets.contains($0) }, unset: { missing.append($0) }, escapeResult: template)
            do {
                let expanded = try Interpolation.expand(scalar.string, context: "", rules: rules, lookup: lookup)
                // Quoted when empty: `A: ${UNSET}` is A="" as in compose, not a null (a name alone).
                if expanded != original {
                    scalar = scalar.replacing(expanded, quoted: expanded.isEmpty)
                    rewrites += 1
                }
            } catch {
                errors.append(diagnostic(scalar, offset: error.offset, error.description))
            }
            for name in missing where unsetNames.insert(name).inserted {
                unset.append((name, diagnostic(scalar, offset: Self.offset(of: name, in: original), "")))
            }
            return .scalar(scalar)
        case .sequence(let sequence):
            let before = rewrites
            let items = sequence.map { interpolate($0, depth: depth + 1, inServices: inServices, template: template) }
            return rewrites == before ? node : .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .mapping(let mapping):
            let before = rewrites
            let pairs = mapping.map { pair -> (Node, Node) in
                let key = pair.0.scalar?.string ?? ""
                let services = depth == 0 ? key == "services" : inServices
                // Also templates: a top-level `x-` fragment (merged into services' environments)
                // and a service's `x-ailab` (a wire's environment), which name secrets too.
                let isTemplate = template || (inServices && depth == 2 && (Self.installTemplates.contains(key) || key == "x-ailab"))
                    || (depth == 0 && key.hasPrefix("x-"))
                return (pair.0, interpolate(pair.1, depth: depth + 1, inServices: services, template: isTemplate))
            }
            return rewrites == before ? node : .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        }
    }

    /// Where the `$` is: a plain or quoted scalar on one line gets the exact column.
    private func diagnostic(_ scalar: Node.Scalar, offset: Int, _ message: String) -> CatalogDiagnostic {
        let line = scalar.mark?.line ?? 1
        var column = scalar.mark?.column ?? 1
        if !scalar.string.contains("\n") {
            switch scalar.style {
            case .plain, .any: column += offset
            case .singleQuoted, .doubleQuoted: column += offset + 1
            default: break
            }
        }
        return CatalogDiagnostic(file: file, line: line, column: column, path: "", message: message)
    }

    /// Where `$NAME` or `${NAME` first appears in a value, in characters (0 when not found).
    static func offset(of name: String, in text: String) -> Int {
        let characters = Array(text)
        for index in characters.indices where characters[index] == "$" {
            let rest = characters[(index + 1)...].drop { $0 == "{" }
            if rest.starts(with: name) { return index }
        }
        return 0
    }

    /// The variable names declared as lab secrets anywhere in a tree (`services.*.x-ailab.secrets`).
    static func secretNames(in root: Node) -> Set<String> {
        var names: Set<String> = []
        guard let services = root.field("services")?.mapping else { return names }
        for (_, service) in services {
            guard let secrets = service.field("x-ailab")?.field("secrets")?.sequence else { continue }
            for item in secrets {
                if let name = item.scalar?.string ?? item.field("name")?.scalar?.string { names.insert(name) }
            }
        }
        return names
    }
}

extension Node.Scalar {
    /// The same scalar with other text, keeping its tag, position and (unless now empty) style.
    func replacing(_ text: String, quoted: Bool = false) -> Node.Scalar { Node.Scalar(text, tag, quoted ? .doubleQuoted : style, mark) }
}
