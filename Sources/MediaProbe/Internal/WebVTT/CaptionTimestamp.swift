/// Cue times in whole milliseconds, read exactly as written so that order checks are exact.
/// Package access: the transcript writers write times in the form these parse.
package enum CaptionTimestamp {
  package enum Style: Sendable {
    /// `hh:mm:ss.ttt` or `mm:ss.ttt`, with at least two hour digits.
    case webVTT
    /// `hh:mm:ss,ttt`; a `.` before the milliseconds is common and players accept it.
    case subRip
  }

  /// The time written in `bytes[range]`, or nil when it isn't a well-formed timestamp of `style`.
  static func parse(_ bytes: [UInt8], _ range: Range<Int>, style: Style) -> Int? {
    var index = range.lowerBound
    let first = digits(bytes, &index, range.upperBound)
    guard first.count > 0, first.count <= 9, colon(bytes, &index, range.upperBound) else { return nil }
    var (hours, minutes) = (0, first.value)
    var seconds = digits(bytes, &index, range.upperBound)
    if colon(bytes, &index, range.upperBound) {
      guard seconds.count == 2, first.count >= (style == .webVTT ? 2 : 1) else { return nil }
      (hours, minutes) = (first.value, seconds.value)
      seconds = digits(bytes, &index, range.upperBound)
    } else {
      guard style == .webVTT, first.count == 2 else { return nil }
    }
    guard seconds.count == 2, minutes < 60, seconds.value < 60, index < range.upperBound,
      bytes[index] == 0x2E || (style == .subRip && bytes[index] == 0x2C)
    else { return nil }
    index += 1
    let fraction = digits(bytes, &index, range.upperBound)
    guard fraction.count == 3, index == range.upperBound else { return nil }
    return ((hours * 60 + minutes) * 60 + seconds.value) * 1000 + fraction.value
  }

  /// `hh:mm:ss.ttt` (for messages, and WebVTT), or `hh:mm:ss,ttt` for SubRip.
  package static func format(_ milliseconds: Int, style: Style = .webVTT) -> String {
    let total = max(0, milliseconds)
    let parts = [total / 3_600_000, total / 60_000 % 60, total / 1000 % 60]
    let clock = parts.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    let fraction = total % 1000
    return clock + (style == .webVTT ? "." : ",") + (fraction < 100 ? "0" : "") + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// A run of ASCII digits: its value (up to 9 digits, so it can't overflow) and its length.
  private static func digits(_ bytes: [UInt8], _ index: inout Int, _ end: Int) -> (value: Int, count: Int) {
    var value = 0
    var count = 0
    while index < end, (0x30...0x39).contains(bytes[index]) {
      if count < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
      count += 1
      index += 1
    }
    return (value, count)
  }

  private static func colon(_ bytes: [UInt8], _ index: inout Int, _ end: Int) -> Bool {
    guard index < end, bytes[index] == 0x3A else { return false }
    index += 1
    return true
  }
}
