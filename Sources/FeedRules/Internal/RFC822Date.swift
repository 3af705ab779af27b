/// A date as RSS writes it, `Wed, 02 Oct 2002 15:00:00 +0200`, parsed to the W3C validator's
/// grammar: `(Ddd, )?D{1,2} Mon YYYY HH:MM(:SS)? (±HHMM|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)`,
/// single spaces, English names. Forms readers still understand (two-digit years, odd case or
/// spacing, military zones) parse as `loose`; anything else is `invalid`.
struct RFC822Date: Equatable {
  enum Parsed: Equatable {
    case strict(RFC822Date)
    /// Readable, but outside the grammar; the string says how.
    case loose(RFC822Date, String)
    /// Not a date in this format; the string says what went wrong.
    case invalid(String)
  }

  /// 0 is Sunday; `nil` when the date gives no day name.
  var writtenWeekday: Int?
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  var offsetMinutes: Int

  static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func parse(_ text: String) -> Parsed {
    if let date = RFC822StrictReader.read(text) { return .strict(date) }
    var parser = RFC822DateParser(text)
    return parser.parse()
  }

  /// The weekday the date falls on, 0 being Sunday.
  var actualWeekday: Int { ((daysSince1970 % 7) + 11) % 7 }

  /// Seconds since 1970-01-01T00:00:00Z, for ordering items.
  var secondsSince1970: Int {
    daysSince1970 * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
  private var daysSince1970: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func daysInMonth(_ month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
