/// How a finding names another item of the same feed: "the item at line 30". The rules write it
/// only through here, so that `validate` and `build`, which report a feed's findings at the
/// catalogue line behind them, can name that item's episode file instead of a line of a feed the
/// author never saw (a duplicate GUID, a reused enclosure URL).
public enum ItemReference {
  private static let opening = "the item at line "

  /// The words for the item that starts at, or has the element at, `line` of the feed.
  static func phrase(line: Int) -> String { opening + String(line) }

  /// `message` with each item reference replaced by what `name` says of its line.
  public static func replacing(in message: String, _ name: (Int) -> String) -> String {
    guard message.contains(opening) else { return message }
    var result = ""
    var rest = Substring(message)
    while let found = rest.range(of: opening) {
      let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
      guard let line = Int(digits) else {
        result += rest[..<found.upperBound]
        rest = rest[found.upperBound...]
        continue
      }
      result += rest[..<found.lowerBound] + name(line)
      rest = rest[digits.endIndex...]
    }
    return result + rest
  }
}
