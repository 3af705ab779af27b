/// Calendar arithmetic without Foundation's Calendar, which is slow and locale-dependent.
/// Uses Howard Hinnant's days-from-civil algorithms (proleptic Gregorian).
struct CivilTime {
  var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int

  init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) {
    (self.year, self.month, self.day) = (year, month, day)
    (self.hour, self.minute, self.second, self.offset) = (hour, minute, second, offset)
  }

  init(_ timestamp: Timestamp) {
    let local = timestamp.seconds + Int64(timestamp.offset)
    let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    let secondsOfDay = Int(local - Int64(days) * 86_400)
    let (y, m, d) = CivilTime.civil(fromDays: days)
    self.init(
      year: y, month: m, day: d, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60,
      second: secondsOfDay % 60, offset: timestamp.offset)
  }

  var timestamp: Timestamp {
    let days = Int64(CivilTime.days(year: year, month: month, day: day))
    let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    return Timestamp(seconds: local - Int64(offset), offset: offset)
  }

  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civil(fromDays z: Int) -> (Int, Int, Int) {
    let z = z + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  var weekday: String {
    let days = CivilTime.days(year: year, month: month, day: day)
    return CivilTime.weekdays[((days % 7) + 7) % 7]
  }

  var rfc2822: String {
    "\(weekday), \(two(day)) \(CivilTime.months[month - 1]) \(four(year)) \(two(hour)):\(two(minute)):\(two(second)) "
      + offsetString(colon: false)
  }

  var iso8601: String {
    "\(dateString)T\(two(hour)):\(two(minute)):\(two(second))" + (offset == 0 ? "Z" : offsetString(colon: true))
  }

  var dateString: String { "\(four(year))-\(two(month))-\(two(day))" }

  private func offsetString(colon: Bool) -> String {
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return sign + two(magnitude / 3600) + (colon ? ":" : "") + two(magnitude % 3600 / 60)
  }

  private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
  private func four(_ value: Int) -> String {
    let text = String(value)
    return text.count >= 4 ? text : String(repeating: "0", count: 4 - text.count) + text
  }
}
