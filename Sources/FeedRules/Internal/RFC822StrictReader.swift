/// The fast path for dates already in strict form, as nearly all are: one pass over the bytes,
/// no allocation. Anything it does not accept goes to `RFC822DateParser`, which explains why.
struct RFC822StrictReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  static func read(_ text: String) -> RFC822Date? {
    var copy = text
    return copy.withUTF8 { bytes in
      var reader = RFC822StrictReader(bytes: bytes)
      return reader.read()
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private mutating func read() -> RFC822Date? {
    var weekday: Int?
    if index < bytes.count, bytes[index].isASCIILetter {
      guard let day = name(in: RFC822Date.weekdays), skip(","), skip(" ") else { return nil }
      weekday = day
    }
    guard let day = digits(1...2), skip(" "), let month = name(in: RFC822Date.months), skip(" "),
      let year = digits(4...4), skip(" "), let hour = digits(2...2), skip(":"), let minute = digits(2...2)
    else { return nil }
    var second = 0
    if skip(":") {
      guard let seconds = digits(2...2) else { return nil }
      second = seconds
    }
    guard skip(" "), let offset = zone(), index == bytes.count, hour < 24, minute < 60, second <= 60,
      (1...RFC822Date.daysInMonth(month + 1, year: year)).contains(day)
    else { return nil }
    return RFC822Date(
      writtenWeekday: weekday, year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second,
      offsetMinutes: offset)
  }

  private mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
    index += 1
    return true
  }

  private mutating func digits(_ count: ClosedRange<Int>) -> Int? {
    var value = 0
    var read = 0
    while index < bytes.count, bytes[index].isASCIIDigit, read < count.upperBound {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
      read += 1
    }
    return count.contains(read) ? value : nil
  }

  /// The index of a three-letter name, exactly as written in `names`.
  private mutating func name(in names: [String]) -> Int? {
    guard index + 3 <= bytes.count else { return nil }
    let word = bytes[index..<index + 3]
    guard let found = names.firstIndex(where: { $0.utf8.elementsEqual(word) }) else { return nil }
    index += 3
    return found
  }

  private mutating func zone() -> Int? {
    let rest = bytes[index...]
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      index += 1
      guard let hours = digits(2...2), let minutes = digits(2...2), hours < 24, minutes < 60 else { return nil }
      return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }
    let zones: [(String, Int)] = [
      ("GMT", 0), ("UT", 0), ("Z", 0), ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420),
      ("MDT", -360), ("PST", -480), ("PDT", -420),
    ]
    guard let (name, offset) = zones.first(where: { $0.0.utf8.elementsEqual(rest) }) else { return nil }
    index += name.utf8.count
    return offset
  }
}
