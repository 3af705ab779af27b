import Foundation
import Catalogue

/// An item's `pubDate`: RFC 822 as RSS 2.0 asks (https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt,
/// https://www.rfc-editor.org/rfc/rfc822#section-5), with the zone it was written in, so the new
/// feed says the same moment in the same zone. What feeds in the wild write instead (ISO 8601,
/// no weekday, a four-digit year written as two) is read too, and said to have been interpreted.
enum FeedDate {
  struct Parsed {
    var timestamp: Timestamp
    /// Not RFC 822 as written: Podium had to interpret it.
    var interpreted: Bool
  }

  static func parse(_ raw: String) -> Parsed? {
    let text = raw.trimmingWhitespace
    if let timestamp = rfc822(text) { return Parsed(timestamp: timestamp.0, interpreted: timestamp.1) }
    if let iso = Timestamp.parse(text) { return Parsed(timestamp: iso, interpreted: true) }
    return nil
  }

  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  private static let zones: [String: Int] = [
    "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8,
    "pdt": -7,
  ]

  /// The moment, and whether it needed interpreting.
  private static func rfc822(_ text: String) -> (Timestamp, Bool)? {
    var parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var interpreted = false
    if let first = parts.first, first.hasSuffix(",") || first.count == 3 && Int(first) == nil {
      parts.removeFirst()
      if !(first.hasSuffix(",")) { interpreted = true }
    }
    guard parts.count == 4 || parts.count == 5 else { return nil }
    guard let day = Int(parts[0]), (1...31).contains(day),
      let month = months.firstIndex(of: String(parts[1].lowercased().prefix(3))).map({ $0 + 1 }),
      var year = Int(parts[2])
    else { return nil }
    if parts[1].count != 3 { interpreted = true }
    if year < 100 {
      year += year < 50 ? 2000 : 1900
      interpreted = true
    }
    let clock = parts[3].split(separator: ":").map { Int($0) }
    guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
    let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
    guard hour < 24, minute < 60, second < 61 else { return nil }
    var offset = 0
    if parts.count == 5 {
      let zone = parts[4]
      if let hours = zones[zone.lowercased()] {
        offset = hours * 3600
      } else if (zone.hasPrefix("+") || zone.hasPrefix("-")), zone.count == 5, let value = Int(zone.dropFirst()) {
        offset = (value / 100 * 3600 + value % 100 * 60) * (zone.hasPrefix("-") ? -1 : 1)
      } else if (zone.hasPrefix("+") || zone.hasPrefix("-")), zone.count == 6, zone.dropFirst(3).first == ":",
        let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2))
      {
        offset = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        interpreted = true
      } else {
        return nil
      }
    } else {
      interpreted = true
    }
    // The moment the local time names, from days since 1970 (https://howardhinnant.github.io/date_algorithms.html#days_from_civil).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = Int64(era * 146097 + dayOfEra - 719468)
    let local = days * 86400 + Int64(hour * 3600 + minute * 60 + second)
    return (Timestamp(seconds: local - Int64(offset), offset: offset), interpreted)
  }
}
