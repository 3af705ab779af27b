/// Durations as producers write them: `312`, `312.4`, `5:12` or `1:05:12`, in whole seconds.
public enum DurationParser {
  public static func seconds(from text: String) -> Double? {
    // Plain seconds, the usual case, without splitting: no `:` byte means one part.
    guard text.utf8.contains(UInt8(ascii: ":")) else { return plainSeconds(text) }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count) else { return nil }
    if parts.count == 1 { return plainSeconds(text) }
    var total = 0.0
    for (index, part) in parts.enumerated() {
      let isLast = index == parts.count - 1
      guard let value = isLast ? Double(part) : Double(Int(part) ?? -1), value >= 0, value.isFinite else {
        return nil
      }
      if index > 0, value >= 60 { return nil }
      total = total * 60 + value
    }
    return total
  }

  private static func plainSeconds(_ text: String) -> Double? {
    guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
    return value
  }
}

extension DurationParser {
  /// Whole seconds, above zero.
  public static func wholeSeconds(from text: String) -> Int? {
    guard let seconds = seconds(from: text), seconds > 0 else { return nil }
    return Int(seconds.rounded())
  }
}
