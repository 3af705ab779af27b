/// The recurrence rule of `<podcast:updateFrequency rrule="…">`, read by the grammar of RFC 5545
/// §3.3.10 (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10): `;`-separated parts, FREQ
/// first and each part at most once, UNTIL and COUNT not both, and every value within its range.
/// Names and values are case-insensitive, as everywhere in iCalendar.
enum RecurrenceRule {
  /// What is wrong with a rule, in words for a message, or nil when it follows the grammar.
  static func problem(in text: String) -> String? {
    let parts = text.uppercased().split(separator: ";", omittingEmptySubsequences: false)
    var seen: Set<Substring> = []
    for (index, part) in parts.enumerated() {
      guard let equals = part.firstIndex(of: "="), equals != part.startIndex else {
        return "\(String(part).quotedForMessage) is not a NAME=value part"
      }
      let name = part[..<equals]
      let value = part[part.index(after: equals)...]
      guard let check = checks[String(name)] else {
        return "\(String(name).quotedForMessage) is not a rule part RFC 5545 defines"
      }
      guard seen.insert(name).inserted else { return "\(name) is given twice" }
      if index == 0, name != "FREQ" { return "it does not start with FREQ=" }
      if !check(value) { return "\(name)=\(String(value).quotedForMessage) is not a value \(name) takes" }
    }
    if !seen.contains("FREQ") { return "it has no FREQ=" }
    if seen.contains("UNTIL"), seen.contains("COUNT") { return "it gives both UNTIL and COUNT" }
    return nil
  }

  /// Whether a rule has a COUNT part, which makes `dtstart` required.
  static func hasCount(_ text: String) -> Bool {
    text.uppercased().split(separator: ";").contains { $0.hasPrefix("COUNT=") }
  }

  private static let checks: [String: @Sendable (Substring) -> Bool] = [
    "FREQ": { frequencies.contains(String($0)) },
    "UNTIL": isEndDate,
    "COUNT": { isNumber($0, 1...Int.max) },
    "INTERVAL": { isNumber($0, 1...Int.max) },
    "BYSECOND": { list($0) { isNumber($0, 0...60) } },
    "BYMINUTE": { list($0) { isNumber($0, 0...59) } },
    "BYHOUR": { list($0) { isNumber($0, 0...23) } },
    "BYDAY": { list($0, isWeekdayNumber) },
    "BYMONTHDAY": { list($0) { isSigned($0, 1...31) } },
    "BYYEARDAY": { list($0) { isSigned($0, 1...366) } },
    "BYWEEKNO": { list($0) { isSigned($0, 1...53) } },
    "BYMONTH": { list($0) { isNumber($0, 1...12) } },
    "BYSETPOS": { list($0) { isSigned($0, 1...366) } },
    "WKST": { weekdays.contains(String($0)) },
  ]

  private static let frequencies: Set = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
  private static let weekdays: Set = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

  /// A comma-separated list, none of it empty.
  private static func list(_ value: Substring, _ item: (Substring) -> Bool) -> Bool {
    value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(item)
  }

  /// Digits only, within `range`; at most 10 digits, so no number overflows.
  private static func isNumber(_ value: Substring, _ range: ClosedRange<Int>) -> Bool {
    guard !value.isEmpty, value.count <= 10, value.utf8.allSatisfy(\.isASCIIDigit), let number = Int(value) else {
      return false
    }
    return range.contains(number)
  }

  /// `[+|-]` then a number within `range`.
  private static func isSigned(_ value: Substring, _ range: ClosedRange<Int>) -> Bool {
    let unsigned = value.first == "+" || value.first == "-" ? value.dropFirst() : value
    return isNumber(unsigned, range)
  }

  /// `[[+|-]ordwk]weekday`: `MO`, `+4TH`, `-1FR`, with the week number 1 to 53.
  private static func isWeekdayNumber(_ value: Substring) -> Bool {
    guard value.count >= 2, weekdays.contains(String(value.suffix(2))) else { return false }
    let week = value.dropLast(2)
    return week.isEmpty || isSigned(week, 1...53)
  }

  /// RFC 5545's `date` (`20231231`) or `date-time` (`20231231T000000Z`), or the ISO 8601 form the
  /// namespace's own example writes (`2023-12-31T00:00:00.000Z`).
  private static func isEndDate(_ value: Substring) -> Bool {
    let bytes = Array(value.utf8)
    let date = bytes.prefix(8)
    guard date.count == 8, date.allSatisfy(\.isASCIIDigit) else { return W3CDateTime.isValid(String(value)) }
    if bytes.count == 8 { return true }
    let time = bytes.dropFirst(9)
    return bytes[8] == UInt8(ascii: "T")
      && (time.count == 6 || (time.count == 7 && time.last == UInt8(ascii: "Z")))
      && time.prefix(6).allSatisfy(\.isASCIIDigit)
  }
}
