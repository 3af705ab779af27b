import Diagnostics
import PodiumXML

/// Elements that may appear once per channel or item must not repeat: readers keep one of
/// them, and which one differs from app to app.
struct DuplicateElementRules: FeedCheck {
  /// Apps read one of the repeated elements and keep the feed: a warning.
  static let noDuplicates = Rule(
    id: "RSS-CH-NO-DUP", severity: .warning, source: Source.rss,
    summary: "Single-valued channel and item elements (title, link, language, itunes:image, …) do not repeat.")

  static var rules: [Rule] { [noDuplicates] }

  static let singleInChannel: Set<ElementKey> = [
    "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
    "lastBuildDate", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput", "skipHours", "skipDays",
    "itunes:author", "itunes:explicit", "itunes:image", "itunes:type", "itunes:owner", "itunes:new-feed-url",
    "itunes:block", "itunes:complete", "itunes:title", "itunes:summary", "itunes:subtitle", "podcast:guid",
    "podcast:locked", "podcast:medium", "podcast:updateFrequency", "podcast:podping", "podcast:publisher",
    "podcast:podroll", "podcast:license", "podcast:chat",
  ]
  static let singleInItem: Set<ElementKey> = [
    "title", "link", "description", "author", "comments", "guid", "pubDate", "source", "content:encoded",
    "itunes:duration", "itunes:explicit", "itunes:episode", "itunes:season", "itunes:episodeType",
    "itunes:title", "itunes:image", "itunes:block", "itunes:summary", "itunes:subtitle", "podcast:chapters",
    "podcast:season", "podcast:episode", "podcast:license", "podcast:chat",
  ]

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    report(channel, keys: Self.singleInChannel, owner: "channel", into: &findings)
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    report(item.node, keys: Self.singleInItem, owner: "item", into: &findings)
  }

  private func report(_ node: FeedNode, keys: Set<ElementKey>, owner: String, into findings: inout FindingList) {
    for (key, copies) in node.repeated(among: keys) {
      findings.add(
        Self.noDuplicates, "<\(key)> appears \(copies.count) times in this \(owner); keep only one", at: copies[1])
    }
  }
}
