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
///
/// Held in the form it is stored in (``MemoBytes``), which a check writes as it goes: an item's
/// result is a value only while it is applied.
public struct FeedCheckMemo: Sendable, Hashable, Codable {
  /// Stored as its bytes; ones that can't be read decode as an empty memo, which no feed
  /// matches, rather than failing what holds it.
  public init(from decoder: any Decoder) throws {
    let bytes = try decoder.singleValueContainer().decode([UInt8].self)
    self = FeedCheckMemo(stored: bytes) ?? FeedCheckMemo()
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(bytes)
  }

  /// The memo `bytes` hold, as ``withStoredBytes(_:)`` gave them; `nil` when they are not one.
  public init?(stored bytes: [UInt8]) {
    guard let starts = MemoBytes.index(bytes) else { return nil }
    (self.bytes, self.starts) = (bytes, starts)
  }

  /// A memo as ``MemoBytes`` wrote it.
  init(written: consuming MemoBytes) {
    (bytes, starts) = written.finished()
  }

  /// The empty memo: no item, no context.
  private init() {
    (bytes, starts) = ([], [0])
  }

  /// The rules' version and the channel's facts, as ``FeedStream`` finds them: read from the
  /// bytes, which begin with it, when asked for (a few times a check), rather than held twice.
  var context: String { bytes.isEmpty ? "" : MemoBytes.context(bytes) }
  /// The stored form: what is compared and kept.
  let bytes: [UInt8]
  /// Where each item's entry starts in `bytes`, then where the last one ends.
  private let starts: [Int]

  public static func == (left: FeedCheckMemo, right: FeedCheckMemo) -> Bool { left.bytes == right.bytes }
  public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

  /// Calls `body` with the bytes it is stored in (what ``init(stored:)`` takes).
  public func withStoredBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try bytes.withUnsafeBufferPointer(body)
  }

  /// How many items it holds.
  public var count: Int { starts.count - 1 }

  /// The digest of the bytes of item `index`.
  func digest(ofItem index: Int) -> ItemDigest { MemoBytes.digest(bytes, at: starts[index]) }

  /// The result of item `index`, as a value.
  func result(ofItem index: Int) -> FeedItemResult? { MemoBytes.result(bytes, in: starts[index]..<starts[index + 1]) }

  /// The stored entry of item `index`, for another memo to hold as it is.
  func entry(ofItem index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

  /// Changes with any rule or family added, removed or reordered, or a change in what an item's
  /// result holds: a memo of other rules is not used.
  static let rulesVersion =
    "feed-check-memo 1\u{0}" + FeedChecks.rules.map { "\($0.id) \($0.severity.rawValue)" }.joined(separator: ",")
}
