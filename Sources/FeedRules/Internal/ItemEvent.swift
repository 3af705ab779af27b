import Diagnostics

/// One thing checking an item did to a family's findings, kept so that the item's result can be
/// given again without parsing it (``FeedCheckMemo``). Most are findings decided by the item
/// alone; the rest are the facts that rules across items need (a GUID, an enclosure URL, a date,
/// a value reported once per feed), which decide their findings only when they are applied, in
/// feed order, to what the feed's earlier items left (``AcrossItems``).
///
/// Lines are relative to the item's own line while the event is kept in an item's result, and
/// absolute when it is applied.
enum ItemEvent: Sendable, Hashable {
  /// A finding decided by the item alone.
  case finding(rule: String, message: String, line: Int?, severity: Severity?)
  /// A finding made only the first time its key is seen in the feed (an undeclared prefix, an
  /// unknown `podcast:` tag, a tag Apple no longer reads).
  case once(key: String, rule: String, message: String, line: Int?)
  /// An item's GUID, for RSS-GUID-UNIQUE.
  case guid(value: String, line: Int)
  /// An item's enclosure URL, for APPLE-ITEM-ENCLOSURE's duplicates.
  case enclosure(url: String, line: Int)
  /// An item's readable `pubDate`, for RSS-ITEM-ORDER.
  case date(seconds: Int, line: Int)

  /// The same event with its line moved by `shift`.
  func shifted(by shift: Int) -> ItemEvent {
    switch self {
    case .finding(let rule, let message, let line, let severity):
      .finding(rule: rule, message: message, line: line.map { $0 + shift }, severity: severity)
    case .once(let key, let rule, let message, let line):
      .once(key: key, rule: rule, message: message, line: line.map { $0 + shift })
    case .guid(let value, let line): .guid(value: value, line: line + shift)
    case .enclosure(let url, let line): .enclosure(url: url, line: line + shift)
    case .date(let seconds, let line): .date(seconds: seconds, line: line + shift)
    }
  }
}
