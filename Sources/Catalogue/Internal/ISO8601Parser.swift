/// A strict ISO 8601 date-time parser: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`.
/// A zone is required, because "09:00" means different moments to listeners in different places.
enum ISO8601Parser {
  static func parse(_ text: String) -> Timestamp? {
    var bytes = Array(text.utf8)[...]
    func number(_ digits: Int) -> Int? {
      guard bytes.count >= digits else { return nil }
      var value = 0
      for _ in 0..<digits {
        let byte = bytes.removeFirst()
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    func expect(_ allowed: String) -> Bool {
      guard let byte = bytes.first, allowed.utf8.contains(byte) else { return false }
      bytes.removeFirst()
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
      expect("Tt "), let hour = number(2), expect(":"), let minute = number(2)
    else { return nil }
    var second = 0
    if bytes.first == UInt8(ascii: ":") {
      bytes.removeFirst()
      guard let value = number(2) else { return nil }
      second = value
      if bytes.first == UInt8(ascii: ".") {
        bytes.removeFirst()
        guard bytes.first.map({ $0 >= 48 && $0 <= 57 }) == true else { return nil }
        while let byte = bytes.first, byte >= 48, byte <= 57 { bytes.removeFirst() }
      }
    }
    var offset = 0
    if expect("Zz") {
      offset = 0
    } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      bytes.removeFirst()
      guard let hours = number(2) else { return nil }
      _ = expect(":")
      guard let minutes = number(2), hours <= 14, minutes < 60 else { return nil }
      offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
    } else {
      return nil
    }
    guard bytes.isEmpty, (1...12).contains(month), day >= 1,
      day <= CivilTime.daysInMonth(year: year, month: month), hour < 24, minute < 60, second < 60
    else { return nil }
    return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
      .timestamp
  }
}
