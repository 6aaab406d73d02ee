import LabCatalog

extension ActionPlanner {
    /// Installing the far end of a wire (`x-ailab.wires`): each installed service wired to it
    /// is recreated after it, so it points there, once a question naming both is answered.
    /// Without this, Open WebUI installed before Qdrant would go on with its own vector store.
    func planRewiring(into plan: inout ActionPlan) {
        let installing = plan.entries.compactMap { entry -> String? in
            if case .install = entry.operation { return entry.service }
            return nil
        }
        let planned = Set(plan.entries.map(\.service))
        for status in snapshot.services where !planned.contains(status.service.name) && !status.ownedContainers.isEmpty {
            guard let service = snapshot.catalog.service(named: status.service.name) else { continue }
            let targets = installing.filter { !service.components(wiredTo: $0).isEmpty }
            guard !targets.isEmpty else { continue }
            let present = Set(status.ownedContainers.compactMap(\.component))
            let components = service.components.map(\.name).filter { name in
                present.contains(name) && targets.contains { service.components(wiredTo: $0).contains(name) }
            }
            guard !components.isEmpty else { continue }
            let ends = targets.joined(separator: ", ")
            plan.entries.append(PlanEntry(service: service.name, operation: .recreate(components: components), reason: "wired to \(ends)"))
            plan.questions.append("\(service.name) is wired to \(ends): recreate \(components.joined(separator: ", ")) so it uses \(ends)? (its volumes are kept)")
        }
    }
}
