/// An item's bytes in a feed checked with a memo: where they start and end in lines, their
/// digest, and where a memo holds the result for them when one does (they are then not read).
struct ItemSpan: Sendable {
  /// The line the bytes start on, to the line they end on.
  let lines: ClosedRange<Int>
  let digest: ItemDigest
  var result: Result? = nil

  /// An item's result in one of the memos a check holds (``ItemLayout/memos``): which memo, and
  /// which of its items.
  struct Result: Sendable {
    let memo: Int
    let item: Int
  }
}
