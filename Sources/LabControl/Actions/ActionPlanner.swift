import LabCatalog
import LabModel

/// Works out an action from the catalog and one snapshot of the engine. Pure: no I/O, so every
/// rule (dependencies first, idempotence, drift, who needs what) is tested without an engine.
public struct ActionPlanner: Sendable {
    public let snapshot: LabSnapshot
    private var catalog: Catalog { snapshot.catalog }

    public init(snapshot: LabSnapshot) { self.snapshot = snapshot }

    public func plan(_ request: ActionRequest) -> ActionPlan {
        if let target = request.container { return planContainer(request, target) }
        var plan = ActionPlan(request: request)
        let names = resolve(request.targets, refusals: &plan.refusals)
        guard plan.refusals.isEmpty else { return plan }
        do {
            switch request.kind {
            case .install:
                try planInstall(names, into: &plan)
                planRewiring(into: &plan)
            case .start, .restart: try planStart(names, into: &plan)
            case .stop, .remove: try planStop(names, into: &plan)
            }
        } catch {
            plan.refusals.append(error.description)
        }
        return plan
    }

    /// Service names and `phaseN`s → service names, in the order given, without repeats.
    func resolve(_ targets: [String], refusals: inout [String]) -> [String] {
        var names: [String] = []
        if targets.isEmpty { refusals.append("name at least one service or phase") }
        for target in targets {
            if catalog.service(named: target) != nil {
                names.append(target)
            } else if let phase = Self.phaseNumber(target) {
                let members = catalog.services.filter { $0.phase == phase }.map(\.name)
                if members.isEmpty { refusals.append("phase \(phase) has no services in the catalog") }
                names += members
            } else {
                refusals.append("no service or phase named '\(target)' in the catalog (\(catalog.source)); `ailab status` lists them")
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// `phase1`, `phase-1`, `phase 1` → 1.
    static func phaseNumber(_ text: String) -> Int? {
        let lower = text.lowercased()
        guard lower.hasPrefix("phase") else { return nil }
        return Int(lower.dropFirst(5).drop { $0 == "-" || $0 == " " || $0 == "_" })
    }

    private func planInstall(_ names: [String], into plan: inout ActionPlan) throws(DependencyCycle) {
        for name in try catalog.installOrder(names) {
            guard let status = snapshot.status(of: name) else { continue }
            let requested = names.contains(name)
            let reason = requested ? nil : neededBy(name, among: names)
            if swarmEntry(status, requested: requested, reason: reason, into: &plan) { continue }
            if !status.componentsToCreate.isEmpty {
                var entry = PlanEntry(service: name, operation: .install(components: status.componentsToCreate), reason: reason)
                entry.external = externals(of: status.service)
                entry.swarm = goesToSwarm(status, plan.request)
                plan.entries.append(entry)
            } else if status.isDrifted {
                plan.entries.append(PlanEntry(service: name, operation: .recreate(components: status.driftedComponents), reason: reason))
                plan.questions.append("\(name) has drifted from the catalog: recreate \(status.driftedComponents.joined(separator: ", "))? (its volumes are kept)")
            } else if status.state == .running {
                plan.entries.append(PlanEntry(service: name, operation: .nothing("already installed and running; nothing to do"), reason: reason))
            } else if requested {
                plan.entries.append(PlanEntry(service: name, operation: .nothing("already installed (\(status.state.rawValue)); nothing to do; `ailab start \(name)` starts it")))
            } else {
                plan.entries.append(PlanEntry(service: name, operation: .start, reason: reason))
            }
        }
    }

    /// start and restart: stopped dependencies come up first.
    private func planStart(_ names: [String], into plan: inout ActionPlan) throws(DependencyCycle) {
        for name in try catalog.installOrder(names) {
            guard let status = snapshot.status(of: name) else { continue }
            let requested = names.contains(name)
            if swarmEntry(status, requested: requested, reason: requested ? nil : neededBy(name, among: names), into: &plan) { continue }
            guard !status.ownedContainers.isEmpty else {
                if let refusal = status.standInRefusal {
                    plan.refusals.append(refusal)
                    continue
                }
                let needed = requested ? "" : " (\(neededBy(name, among: names)))"
                plan.refusals.append("\(name)\(needed) is not installed: `ailab install \(name)` first")
                continue
            }
            if requested && plan.request.kind == .restart {
                plan.entries.append(PlanEntry(service: name, operation: .restart))
            } else if status.state == .running {
                if requested { plan.entries.append(PlanEntry(service: name, operation: .nothing("already running"))) }
            } else {
                plan.entries.append(PlanEntry(service: name, operation: .start, reason: requested ? nil : neededBy(name, among: names)))
            }
        }
    }

    /// stop and remove: services that need others go first; asks when a running service needs one.
    private func planStop(_ names: [String], into plan: inout ActionPlan) throws(DependencyCycle) {
        let order = try catalog.installOrder(names).filter(names.contains).reversed()
        for name in order {
            guard let status = snapshot.status(of: name) else { continue }
            let needing = catalog.dependents(of: name).filter { other in
                !names.contains(other) && snapshot.status(of: other).map { $0.state == .running } == true
            }
            let warning = needing.isEmpty ? "" : " \(needing.joined(separator: ", ")) \(needing.count == 1 ? "needs" : "need") it and will lose it."
            if let refusal = status.standInRefusal {
                plan.refusals.append(refusal)
                continue
            }
            if swarmEntry(status, requested: true, reason: nil, into: &plan) {
                if !needing.isEmpty, let last = plan.entries.last, last.changesSomething { plan.questions.append("\(plan.request.kind.rawValue.prefix(1).uppercased() + plan.request.kind.rawValue.dropFirst()) \(name)?\(warning)") }
                continue
            }
            if plan.request.kind == .remove {
                let volumes = plan.request.purge ? ownVolumes(of: status.service) : []
                if status.ownedContainers.isEmpty && volumes.isEmpty {
                    plan.entries.append(PlanEntry(service: name, operation: .nothing("not installed; nothing to remove")))
                    continue
                }
                let containers = status.ownedContainers.map(\.name)
                var entry = PlanEntry(service: name, operation: .remove(containers: containers, volumes: volumes))
                if plan.request.purge { entry.external = externals(of: status.service) }
                plan.entries.append(entry)
                let what = containers.isEmpty ? "" : " (containers \(containers.joined(separator: ", ")))"
                let purge = volumes.isEmpty
                    ? "? Its volumes are kept."
                    : " and delete its volumes \(volumes.joined(separator: ", "))? The data in them is lost for good."
                plan.questions.append("Remove \(name)\(what)\(purge)\(warning)")
            } else if status.ownedContainers.isEmpty {
                plan.entries.append(PlanEntry(service: name, operation: .nothing("not installed")))
            } else if status.state != .running && status.state != .restarting && status.state != .paused {
                plan.entries.append(PlanEntry(service: name, operation: .nothing("already stopped")))
            } else {
                plan.entries.append(PlanEntry(service: name, operation: .stop))
                if !needing.isEmpty { plan.questions.append("Stop \(name)?\(warning)") }
            }
        }
    }

    /// "needed by open-webui": the asked-for services that (directly or not) need `name`.
    private func neededBy(_ name: String, among names: [String]) -> String {
        let needing = names.filter { root in (try? catalog.installOrder([root]).contains(name)) == true }
        return "needed by \(needing.joined(separator: ", "))"
    }

    /// What a service uses that is made outside the lab: "volume models", "network edge".
    func externals(of service: LabService) -> [String] {
        var seen = Set<String>()
        let volumes = service.components.flatMap(\.volumes).filter(\.external).map { "volume \($0.engineName ?? $0.source)" }
        return (volumes + (catalog.networkIsExternal ? ["network \(catalog.networkName)"] : [])).filter { seen.insert($0).inserted }
    }

    /// The engine names of the named volumes only this service mounts.
    func ownVolumes(of service: LabService) -> [String] {
        let others = Set(catalog.services.filter { $0.name != service.name }.flatMap(\.components).flatMap(\.volumes).map(\.source))
        var seen = Set<String>()
        return service.components.flatMap(\.volumes).filter { $0.isNamedVolume && !$0.external && !others.contains($0.source) }
            .map { $0.engineName ?? "\(catalog.name)_\($0.source)" }.filter { seen.insert($0).inserted }
    }
}
