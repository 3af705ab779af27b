/// Another feed, or an item in one, by its `podcast:guid`: a show the producer recommends
/// (`podcast:podroll`), the publisher's feed (`podcast:publisher`), a value time split's source.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/remote-item.md
public struct RemoteItem: Sendable, Hashable, Codable {
  public var feedGUID: String
  public var feedURL: String?
  public var itemGUID: String?
  /// `podcast`, `music`, `publisher`, …: the remote feed's `podcast:medium`.
  public var medium: String?
  public var title: String?

  public init(feedGUID: String, feedURL: String? = nil, itemGUID: String? = nil, medium: String? = nil,
              title: String? = nil) {
    self.feedGUID = feedGUID
    self.feedURL = feedURL
    self.itemGUID = itemGUID
    self.medium = medium
    self.title = title
  }
}
