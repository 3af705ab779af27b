/// An item's bytes in a feed checked with a memo: where they start and end in lines, their
/// digest, and the memo's result for them when there is one (they are then not read).
struct ItemSpan: Sendable {
  /// The line the bytes start on, to the line they end on.
  let lines: ClosedRange<Int>
  let digest: ItemDigest
  var result: FeedItemResult? = nil
}
