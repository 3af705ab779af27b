/// One item's result in a memo.
struct FeedItemResult: Sendable, Hashable {
  /// What a family did while the item was checked: the index of the family in
  /// ``FeedChecks/all()``, and the event with its line relative to the item's.
  struct Event: Sendable, Hashable {
    let family: Int
    let event: ItemEvent
  }

  let digest: ItemDigest
  /// The item's own line (as the parser reports it) less the line its bytes start on.
  let lineOffset: Int
  let hasEnclosure: Bool
  /// Whether the `<item>` element itself declares Apple's namespace (``FeedShape``, for a first item).
  let declaresITunes: Bool
  let events: [Event]
}
