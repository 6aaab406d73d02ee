/// One row of `GET /images/json`.
public struct ImageSummary: Decodable, Sendable, Equatable {
    public var id: String
    public var repoTags: [String]
    public var size: Int64
    public var created: Int64

    enum CodingKeys: String, CodingKey { case id = "Id", repoTags = "RepoTags", size = "Size", created = "Created" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        repoTags = try c.decodeIfPresent([String].self, forKey: .repoTags) ?? []
        size = try c.decodeIfPresent(Int64.self, forKey: .size) ?? 0
        created = try c.decodeIfPresent(Int64.self, forKey: .created) ?? 0
    }
}

/// One line of a pull's progress stream.
public struct PullProgress: Decodable, Sendable, Equatable {
    public var status: String?
    /// The layer this line is about, when it is about one.
    public var id: String?
    public var current: Int64?
    public var total: Int64?
    public var error: String?

    enum CodingKeys: String, CodingKey { case status, id, progressDetail, error, errorDetail }
    struct Detail: Decodable { var current: Int64?; var total: Int64?; var message: String? }
}

extension PullProgress {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeIfPresent(String.self, forKey: .status)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        let detail = try c.decodeIfPresent(Detail.self, forKey: .progressDetail)
        current = detail?.current
        total = detail?.total
        let errorDetail = try c.decodeIfPresent(Detail.self, forKey: .errorDetail)
        error = try c.decodeIfPresent(String.self, forKey: .error) ?? errorDetail?.message
    }
}
