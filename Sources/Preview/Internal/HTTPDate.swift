import Foundation

/// HTTP dates (IMF-fixdate, https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7), read also in the two
/// obsolete forms a recipient must accept.
enum HTTPDate {
  static func string(_ date: Date) -> String { formatter("EEE, dd MMM yyyy HH:mm:ss 'GMT'").string(from: date) }

  static func parse(_ text: String) -> Date? {
    let text = text.trimmingCharacters(in: .whitespaces)
    for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
      if let date = formatter(format).date(from: text) { return date }
    }
    return nil
  }

  private static func formatter(_ format: String) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    formatter.dateFormat = format
    return formatter
  }
}
