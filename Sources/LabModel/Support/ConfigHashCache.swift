import LabCatalog
import Synchronization

/// Each component's config hash (SHA-256 of its canonical text), computed once per component
/// value instead of once per container per snapshot (issue 17: an engine event rebuilt every
/// hash). Keyed by the whole component as wired, so an edited or reloaded catalog, or a wire
/// that starts to apply, is a new key and never reads a stale hash.
enum ConfigHashCache {
    private static let hashes = Mutex<[Key: String]>([:])
    /// A catalog has a few dozen components, each wired a few ways: past this, start afresh
    /// (a long session with many reloaded catalogs must not grow without end).
    static let limit = 512

    static func hash(of component: Component) -> String {
        let key = Key(component: component)
        if let known = hashes.withLock({ $0[key] }) { return known }
        let fresh = SHA256.hex(ContainerBlueprint.canonical(component))
        hashes.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = fresh
        }
        return fresh
    }

    /// Equal only when the components are (every field); the hash reads a few cheap fields,
    /// which is enough to spread a catalog's components apart.
    private struct Key: Hashable, Sendable {
        let component: Component

        static func == (a: Key, b: Key) -> Bool { a.component == b.component }

        func hash(into hasher: inout Hasher) {
            hasher.combine(component.name)
            hasher.combine(component.image)
            hasher.combine(component.environment.count)
            hasher.combine(component.configs.count)
        }
    }
}
