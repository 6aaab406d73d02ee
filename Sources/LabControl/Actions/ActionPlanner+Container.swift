import LabModel
/// Plans for one container (the Containers screen): the same stages and questions as a
/// service's action, on exactly the container named, whatever project it belongs to.
extension ActionPlanner {
    func planContainer(_ request: ActionRequest, _ target: ContainerTarget) -> ActionPlan {
        var plan = ActionPlan(request: request)
        guard let container = snapshot.allContainers.first(where: { $0.id == target.id }) else {
            plan.refusals.append("container \(target.name) is no longer there (`docker ps -a` lists what is)")
            return plan
        }
        let name = container.name
        let running = container.state == .running || container.state == .restarting || container.state == .paused
        switch request.kind {
        case .install:
            plan.refusals.append("install works on catalog services, not on one container: s starts \(name)")
        case .start:
            plan.entries.append(PlanEntry(service: name, operation: container.state == .running ? .nothing("already running") : .start))
        case .restart:
            plan.entries.append(PlanEntry(service: name, operation: .restart))
        case .stop:
            guard running else {
                plan.entries.append(PlanEntry(service: name, operation: .nothing("already stopped")))
                break
            }
            plan.entries.append(PlanEntry(service: name, operation: .stop))
            if let warning = neededWarning(container) { plan.questions.append("Stop container \(name)?\(warning)") }
        case .remove:
            guard !request.purge else {
                plan.refusals.append("a purge deletes a catalog service's volumes: P on its service; D removes container \(name) alone")
                break
            }
            plan.entries.append(PlanEntry(service: name, operation: .remove(containers: [name], volumes: [])))
            let project = container.project.map { "project '\($0)'" } ?? "no compose project"
            plan.questions.append("Remove container \(name) (\(project))? Its volumes are kept.\(neededWarning(container) ?? "")")
        }
        return plan
    }

    /// " litellm needs it and will lose it.": running services that need the catalog service
    /// this container is part of; nil for a container of no service, or when none needs it.
    private func neededWarning(_ container: ContainerStatus) -> String? {
        guard let owner = snapshot.services.first(where: { $0.containers.contains { $0.id == container.id } }) else { return nil }
        let needing = snapshot.catalog.dependents(of: owner.service.name).filter { snapshot.status(of: $0)?.state == .running }
        guard !needing.isEmpty else { return nil }
        return " \(needing.joined(separator: ", ")) \(needing.count == 1 ? "needs" : "need") \(owner.service.name) and will lose it."
    }
}
