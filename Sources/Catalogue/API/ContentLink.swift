/// `podcast:contentLink`: the same content elsewhere (a live stream's page, a video platform).
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/content-link.md
public struct ContentLink: Sendable, Hashable, Codable {
  public var href: String
  /// What the link is, shown by apps ("Bekijk op YouTube").
  public var text: String

  public init(href: String, text: String) {
    self.href = href
    self.text = text
  }
}
