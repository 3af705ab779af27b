/// The W3C date and time profile of ISO 8601 that sitemaps use: `2024`, `2024-09`, `2024-09-26`,
/// or a date with a time and a zone, `2024-09-26T10:00+02:00`, `2024-09-26T10:00:00Z`,
/// `2024-09-26T10:00:00.5+02:00`. A time always carries its zone.
enum W3CDateTime {
  static func isValid(_ text: String) -> Bool {
    var reader = Reader(bytes: Array(text.utf8))
    return reader.readDateTime() && reader.isAtEnd
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func readDateTime() -> Bool {
      guard let year = number(digits: 4) else { return false }
      if isAtEnd { return true }
      guard skip("-"), let month = number(digits: 2), (1...12).contains(month) else { return false }
      if isAtEnd { return true }
      guard skip("-"), let day = number(digits: 2), (1...Self.days(in: month, of: year)).contains(day) else {
        return false
      }
      if isAtEnd { return true }
      return skip("T") && readTime() && readZone()
    }

    /// `hh:mm`, `hh:mm:ss` or `hh:mm:ss.s…`.
    private mutating func readTime() -> Bool {
      guard let hour = number(digits: 2), hour < 24, skip(":"), let minute = number(digits: 2), minute < 60 else {
        return false
      }
      guard skip(":") else { return true }
      guard let second = number(digits: 2), second < 60 else { return false }
      guard skip(".") else { return true }
      let start = index
      while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
      return index > start
    }

    /// `Z`, `+hh:mm` or `-hh:mm`.
    private mutating func readZone() -> Bool {
      if skip("Z") { return true }
      guard skip("+") || skip("-") else { return false }
      guard let hours = number(digits: 2), hours < 24, skip(":"), let minutes = number(digits: 2), minutes < 60 else {
        return false
      }
      return true
    }

    private mutating func number(digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + digits] {
        guard byte.isASCIIDigit else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      index += digits
      return value
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
      index += 1
      return true
    }

    private static func days(in month: Int, of year: Int) -> Int {
      switch month {
      case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    }
  }
}
