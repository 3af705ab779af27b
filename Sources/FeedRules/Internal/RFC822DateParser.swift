/// Reads one RFC 822 date token by token, noting each way it strays from the strict grammar.
struct RFC822DateParser {
  private let text: String
  private var tokens: ArraySlice<Substring>
  private var looseness: [String] = []
  private var writtenWeekday: Int?

  init(_ text: String) {
    self.text = text
    tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })[...]
  }

  mutating func parse() -> RFC822Date.Parsed {
    if tokens.joined(separator: " ") != text { looseness.append("it has extra whitespace") }
    guard readWeekday(), let day = number(digits: 1...2), let month = month(), let year = year()
    else {
      return .invalid(
        Self.looksLikeISO8601(text)
          ? "it is an ISO 8601 date" : "its day, month and year are not day-name, day, month, year")
    }
    guard let (hour, minute, second) = time() else {
      return .invalid("its time is not HH:MM or HH:MM:SS on a 24-hour clock")
    }
    guard let offset = zone() else {
      return .invalid("it has no time zone such as +0000 or GMT, or one that is not recognised")
    }
    guard tokens.isEmpty else { return .invalid("it has extra text after the time zone") }
    guard (1...RFC822Date.daysInMonth(month, year: year)).contains(day) else {
      return .invalid("\(RFC822Date.months[month - 1]) \(year) has no day \(day)")
    }
    let date = RFC822Date(
      writtenWeekday: writtenWeekday, year: year, month: month, day: day, hour: hour, minute: minute,
      second: second, offsetMinutes: offset)
    return looseness.isEmpty ? .strict(date) : .loose(date, looseness.joined(separator: " and "))
  }

  /// Reads the optional `Ddd,`; `false` when a day name is there but unreadable.
  private mutating func readWeekday() -> Bool {
    guard let token = tokens.first, token.first?.isLetter == true else { return true }
    tokens.removeFirst()
    var name = token
    if name.last == "," { name.removeLast() } else { looseness.append("the day name has no comma after it") }
    writtenWeekday = index(of: name, in: RFC822Date.weekdays, fullNames: Self.fullWeekdays)
    return writtenWeekday != nil
  }

  private mutating func month() -> Int? {
    guard let token = tokens.popFirst() else { return nil }
    return index(of: token, in: RFC822Date.months, fullNames: Self.fullMonths).map { $0 + 1 }
  }

  /// The index of an English name: exact abbreviations are strict, other case or full names loose.
  private mutating func index(of name: Substring, in abbreviations: [String], fullNames: [String]) -> Int? {
    if let exact = abbreviations.firstIndex(where: { $0 == name }) { return exact }
    let lowered = name.lowercased()
    let found = abbreviations.firstIndex { $0.lowercased() == lowered } ?? fullNames.firstIndex(of: lowered)
    if found != nil {
      looseness.append("'\(name)' is not written as a three-letter English name like '\(abbreviations[0])'")
    }
    return found
  }

  private mutating func year() -> Int? {
    if let year = number(digits: 4...4) { return year }
    guard let short = number(digits: 2...2) else { return nil }
    looseness.append("it has a two-digit year")
    return short < 50 ? 2000 + short : 1900 + short
  }

  private mutating func time() -> (Int, Int, Int)? {
    guard let token = tokens.popFirst() else { return nil }
    let parts = token.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
    let numbers = parts.compactMap { Int($0) }
    guard numbers.count == parts.count, parts.allSatisfy({ (1...2).contains($0.count) }) else { return nil }
    if parts.contains(where: { $0.count != 2 }) {
      looseness.append("its time is not written with two digits per field")
    }
    let second = numbers.count == 3 ? numbers[2] : 0
    guard numbers[0] < 24, numbers[1] < 60, second <= 60 else { return nil }
    return (numbers[0], numbers[1], second)
  }

  /// The zone as minutes east of UTC.
  private mutating func zone() -> Int? {
    guard let token = tokens.popFirst() else { return nil }
    if let named = Self.namedZones[String(token)] { return named }
    if let offset = Self.numericOffset(token, colon: false) { return offset }
    let upper = token.uppercased()
    if let offset = Self.numericOffset(token, colon: true) ?? Self.namedZones[upper] ?? (upper == "UTC" ? 0 : nil) {
      looseness.append("its time zone '\(token)' is not written as ±HHMM or GMT")
      return offset
    }
    guard upper.count == 1, let letter = upper.first, letter.isLetter, letter != "J" else { return nil }
    looseness.append("it uses the military time zone '\(token)'")
    return 0  // RFC 2822 §4.3: military zones were defined wrongly; read them as -0000.
  }

  /// `2019-06-15…`: the most common wrong format, worth naming in the message.
  private static func looksLikeISO8601(_ text: String) -> Bool {
    let bytes = Array(text.utf8.prefix(10))
    return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
      && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || $0.element.isASCIIDigit }
  }

  private static func numericOffset(_ token: Substring, colon: Bool) -> Int? {
    guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
    var digits = token.dropFirst()
    if colon {
      guard digits.count == 5, digits[digits.index(digits.startIndex, offsetBy: 2)] == ":" else { return nil }
      digits = digits.filter { $0 != ":" }[...]
    }
    guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let hours = Int(digits.prefix(2)),
      let minutes = Int(digits.suffix(2)), hours < 24, minutes < 60
    else { return nil }
    return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
  }

  private mutating func number(digits: ClosedRange<Int>) -> Int? {
    guard let token = tokens.first, digits.contains(token.count), token.allSatisfy(\.isASCIIDigit) else { return nil }
    tokens.removeFirst()
    return Int(token)
  }

  private static let namedZones: [String: Int] = [
    "UT": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420,
  ]
  private static let fullWeekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
  private static let fullMonths = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
