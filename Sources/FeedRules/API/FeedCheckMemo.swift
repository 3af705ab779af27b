import Diagnostics

/// What checking each item of a feed found, kept so that the next check of the feed, after a
/// few items changed, parses only those (``FeedLinter/inspect(_:file:itemSpans:memo:)``).
///
/// Per item, under the digest of its bytes: its findings with lines relative to the item's own
/// line, and the facts the rules across items need (its GUID, enclosure URL and date, the values
/// reported once per feed). The whole memo is bound to the rules' version and to what an item's
/// result depends on outside its bytes (the namespaces declared on `<rss>` and `<channel>`, and
/// the channel's `itunes:type`, `language` and `media:player`): a check whose feed differs in
/// those parses every item.
public struct FeedCheckMemo: Sendable, Hashable, Codable {
  /// Stored as one array of bytes (``MemoBytes``); one that can't be read decodes as an empty
  /// memo, which no feed matches, rather than failing what holds it.
  public init(from decoder: any Decoder) throws {
    let bytes = try decoder.singleValueContainer().decode([UInt8].self)
    self = MemoBytes.decode(bytes) ?? FeedCheckMemo(context: "", items: [])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(MemoBytes.encode(self))
  }

  init(context: String, items: [FeedItemResult]) {
    self.context = context
    self.items = items
  }

  /// The rules' version and the channel's facts, as ``FeedStream`` finds them.
  let context: String
  /// Each item's result, in feed order.
  let items: [FeedItemResult]

  /// How many items it holds.
  public var count: Int { items.count }

  /// Changes with any rule or family added, removed or reordered, or a change in what an item's
  /// result holds: a memo of other rules is not used.
  static let rulesVersion =
    "feed-check-memo 1\u{0}" + FeedChecks.rules.map { "\($0.id) \($0.severity.rawValue)" }.joined(separator: ",")
}
