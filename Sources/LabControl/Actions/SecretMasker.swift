import Foundation

/// Masks the lab's stored secret values in everything shown: status and roadmap output, health
/// check output, container logs in the console. Shared across threads; `reload` after an
/// action may have made new secrets. `--show-secrets` makes it a pass-through.
public final class SecretMasker: @unchecked Sendable {
    private let store: SecretStore?
    private let lock = NSLock()
    private var mask: SecretMask

    /// `store` nil: show everything as it is.
    public init(store: SecretStore?) {
        self.store = store
        mask = SecretMask(store?.allValues() ?? [])
    }

    public func reload() {
        guard let store else { return }
        let fresh = SecretMask(store.allValues())
        lock.withLock { mask = fresh }
    }

    public func apply(_ text: String) -> String { lock.withLock { mask }.apply(text) }

    /// The snapshot with every engine-supplied text masked (health-check output, status words).
    public func apply(_ snapshot: LabSnapshot) -> LabSnapshot {
        guard store != nil else { return snapshot }
        var copy = snapshot
        let masking = { (container: ContainerStatus) -> ContainerStatus in
            var container = container
            container.statusText = self.apply(container.statusText)
            if let output = container.lastCheck?.output { container.lastCheck?.output = self.apply(output) }
            container.environment = container.environment.map(self.apply)
            return container
        }
        copy.services = snapshot.services.map { status in
            var status = status
            status.containers = status.containers.map(masking)
            return status
        }
        copy.others = snapshot.others.map(masking)
        return copy
    }
}

extension LabUpdate {
    public func masked(by masker: SecretMasker) -> LabUpdate {
        if case .snapshot(let snapshot) = self { return .snapshot(masker.apply(snapshot)) }
        return self
    }
}
