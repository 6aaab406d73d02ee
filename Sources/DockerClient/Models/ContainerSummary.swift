/// One row of `GET /containers/json`.
public struct ContainerSummary: Decodable, Sendable, Equatable {
    public var id: String
    public var names: [String]
    public var image: String
    public var imageID: String = ""
    public var command: String = ""
    public var created: Int64 = 0
    public var state: String
    public var status: String
    public var ports: [PortBinding] = []
    public var labels: [String: String] = [:]
    /// Set when the engine's answer for this container could not be read: what was wrong.
    public var problem: String?

    /// The first name without the engine's leading slash.
    public var name: String {
        let first = names.first ?? String(id.prefix(12))
        return first.hasPrefix("/") ? String(first.dropFirst()) : first
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", names = "Names", image = "Image", imageID = "ImageID", command = "Command"
        case created = "Created", state = "State", status = "Status", ports = "Ports", labels = "Labels"
    }
}

extension ContainerSummary {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        image = try c.decodeIfPresent(String.self, forKey: .image) ?? ""
        imageID = try c.decodeIfPresent(String.self, forKey: .imageID) ?? ""
        command = try c.decodeIfPresent(String.self, forKey: .command) ?? ""
        created = try c.decodeIfPresent(Int64.self, forKey: .created) ?? 0
        state = try c.decodeIfPresent(String.self, forKey: .state) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? ""
        ports = try c.decodeIfPresent([PortBinding].self, forKey: .ports) ?? []
        labels = try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
    }
}

/// A port a container exposes, and where on the host it is published (if it is).
public struct PortBinding: Decodable, Sendable, Hashable {
    public var ip: String?
    public var privatePort: Int
    public var publicPort: Int?
    public var type: String

    enum CodingKeys: String, CodingKey { case ip = "IP", privatePort = "PrivatePort", publicPort = "PublicPort", type = "Type" }

    public init(ip: String? = nil, privatePort: Int, publicPort: Int? = nil, type: String = "tcp") {
        self.ip = ip
        self.privatePort = privatePort
        self.publicPort = publicPort
        self.type = type
    }
}
