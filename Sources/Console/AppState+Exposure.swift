import LabExposure

extension AppState {
    /// The Exposure screen's rows: every published or routed port, as `ExposureJudge` decides it
    /// from the snapshot and the last unauthenticated requests.
    public var exposureRows: [PortExposure] {
        ExposureJudge.judge(snapshot, auth: exposureAuth, unchecked: exposureUnchecked, extras: exposureExtras)
    }

    /// One service's ports, for its Detail.
    public func exposure(of service: String) -> [PortExposure] {
        exposureRows.filter { $0.service == service }
    }
}
