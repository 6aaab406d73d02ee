/// A device the component reserves (a GPU, mostly): `count` nil means all.
public struct DeviceReservation: Sendable, Hashable {
    public var driver: String?
    public var count: Int?
    public var deviceIDs: [String] = []
    public var capabilities: [String] = []

    public init(driver: String? = nil, count: Int? = nil, deviceIDs: [String] = [], capabilities: [String] = []) {
        self.driver = driver
        self.count = count
        self.deviceIDs = deviceIDs
        self.capabilities = capabilities
    }
}
