/// Which kind of feed is being checked: a podcast feed meets every rule; a plain RSS feed (such
/// as a Media RSS video feed) only RSS 2.0's, since Apple's and Podcasting 2.0's don't apply.
public enum FeedProfile: Sendable, Hashable {
  case podcast
  case rss

  /// Whether a rule applies to this kind of feed, by its id's prefix: what every RSS document
  /// must meet, the root and the XML first, has an `RSS-` id, so no profile drops it.
  public func applies(_ ruleID: String) -> Bool {
    switch self {
    case .podcast: true
    case .rss:
      !["APPLE-", "P20-", "PSP-", "CLIENT-NO-ENCLOSURE", "CLIENT-ENC-", "RSS-ENC-"].contains { ruleID.hasPrefix($0) }
    }
  }
}
