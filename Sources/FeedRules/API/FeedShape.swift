/// How many items a feed has, how many of them carry an `<enclosure>`, and whether it declares
/// Apple's namespace: enough to tell a blog's feed from a podcast's. Counted while the feed is
/// checked, so telling them apart costs no second reading.
public struct FeedShape: Sendable, Hashable {
  public internal(set) var items = 0
  public internal(set) var itemsWithEnclosure = 0
  public internal(set) var declaresITunes = false

  public init() {}

  /// Apple's namespace, which every podcast feed declares and a blog's feed has no use for.
  static let iTunesNamespace = "http://www.itunes.com/dtds/podcast-1.0.dtd"

  /// The items that have no enclosure.
  public var itemsWithoutEnclosure: Int { items - itemsWithEnclosure }

  /// No Apple namespace, and items of which fewer than one in ten has an enclosure: a blog's
  /// feed (or a news site's), which podcast apps would show as a show without episodes.
  public var looksLikeBlog: Bool { !declaresITunes && items > 0 && itemsWithEnclosure * 10 < items }
}
