/// The one rule for which watched engine's Swarm the lab shows when several are watched: the
/// first manager's (a manager's API sees every node, service and task of its Swarm), else the
/// first engine's join state. A manager that stops answering keeps its last Swarm here, so its
/// Swarm services turn unknown with it instead of looking uninstalled.
extension SwarmState {
    /// `states`: each watched engine's name and its Swarm as last read, in watch order.
    public static func chosen(from states: [(engine: String, swarm: SwarmState?)]) -> SwarmState? {
        guard let pick = states.first(where: { $0.swarm?.isManager == true }) ?? states.first(where: { $0.swarm != nil }) else { return nil }
        var swarm = pick.swarm
        swarm?.engine = pick.engine
        return swarm
    }
}
