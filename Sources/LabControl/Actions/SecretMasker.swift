#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabLive
import LabModel
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Masks the lab's stored secret values in everything shown: status and roadmap output, health
/// check output, container logs in the console. Shared across threads. It reloads by itself
/// when the secrets folder changes (another `ailab install`, a token written by hand), checked
/// with one stat(2) per use. `--show-secrets` makes it a pass-through.
public final class SecretMasker: Sendable {
    private struct Loaded {
        var mask = SecretMask([])
        /// The folder's change time when `mask` was read; nil: read again at the next use.
        var stamp: timespec?
    }

    private let store: SecretStore?
    private let loaded = Mutex(Loaded())

    /// `store` nil: show everything as it is.
    public init(store: SecretStore?) {
        self.store = store
        reload()
    }

    public func reload() {
        guard let store else { return }
        let stamp = Self.stamp(store.directory)
        let fresh = SecretMask(store.allValues())
        loaded.withLock { $0 = Loaded(mask: fresh, stamp: stamp) }
    }

    public func apply(_ text: String) -> String { current().apply(text) }

    /// The mask, reloaded first when the folder has changed since it was read. A file added
    /// or removed changes the folder's ctime.
    private func current() -> SecretMask {
        guard let store else { return loaded.withLock { $0.mask } }
        let now = Self.stamp(store.directory)
        let (known, stale) = loaded.withLock { ($0.mask, $0.stamp.map { $0.tv_sec != now?.tv_sec || $0.tv_nsec != now?.tv_nsec } ?? true) }
        guard stale else { return known }
        reload()
        return loaded.withLock { $0.mask }
    }

    /// The folder's ctime (a missing folder stamps as zero); nil while it is so recent that a
    /// file added in the same clock tick would leave it unchanged, so the next use reads again.
    private static func stamp(_ directory: String) -> timespec? {
        var info = stat()
        guard stat(directory, &info) == 0 else { return timespec(tv_sec: 0, tv_nsec: 0) }
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let age = Double(clock.tv_sec - info.st_ctim.tv_sec) + Double(clock.tv_nsec - info.st_ctim.tv_nsec) / 1e9
        return age > 0.1 ? info.st_ctim : nil
    }

    /// The snapshot with every engine-supplied text masked (health-check output, status words).
    public func apply(_ snapshot: LabSnapshot) -> LabSnapshot {
        guard store != nil else { return snapshot }
        var copy = snapshot
        let mask = current()
        let masking = { (container: ContainerStatus) -> ContainerStatus in
            var container = container
            container.statusText = mask.apply(container.statusText)
            if let output = container.lastCheck?.output { container.lastCheck?.output = mask.apply(output) }
            container.environment = container.environment.map(mask.apply)
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
