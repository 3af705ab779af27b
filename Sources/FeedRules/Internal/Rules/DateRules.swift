import Diagnostics
import PodiumXML

/// `pubDate` and `lastBuildDate`: RFC 822 with the right weekday, plausible, and items newest first.
struct DateRules: FeedCheck {
  static let format = Rule(
    id: "RSS-DATE-RFC822", severity: .error, source: Source.rss,
    summary: "Dates are RFC 822 with a four-digit year, e.g. Sun, 06 Jul 2014 13:00:00 +0000.")
  static let weekday = Rule(
    id: "RSS-DATE-DOW", severity: .error, source: Source.rss,
    summary: "A date's day name matches the date.")
  static let plausible = Rule(
    id: "RSS-DATE-PLAUSIBLE", severity: .warning, source: Source.rss,
    summary: "Dates fall between 1995 and 2100.")
  static let appleFormat = Rule(
    id: "APPLE-DATE-RFC2822", severity: .error, source: Source.apple,
    summary: "Apple wants dates with the day of the week, e.g. Sun, 06 Jul 2014 13:00:00 +0000.")
  static let itemPubDate = Rule(
    id: "APPLE-ITEM-PUBDATE", severity: .warning, source: Source.apple,
    summary: "Every episode has a <pubDate>.")
  static let itemOrder = Rule(
    id: "RSS-ITEM-ORDER", severity: .info, source: Source.rss,
    summary: "Items are listed newest first.")

  static var rules: [Rule] { [format, weekday, plausible, appleFormat, itemPubDate, itemOrder] }

  static let example = "Sun, 06 Jul 2014 13:00:00 +0000"

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    for date in channel.all("pubDate") + channel.all("lastBuildDate") { _ = check(date, into: &findings) }
    // A serial show is listed oldest first: its order is not reported.
    findings.across.reportedOrder = feed.isSerial
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    let item = item.node
    guard let pubDate = item.first(.pubDate) else {
      findings.add(
        Self.itemPubDate, "this item has no <pubDate>; add its release date, e.g. <pubDate>\(Self.example)</pubDate>",
        at: item.element)
      return
    }
    guard let date = check(pubDate, into: &findings) else { return }
    findings.note(.date(seconds: date.secondsSince1970, line: pubDate.line))
  }

  /// RSS-ITEM-ORDER, across items: each readable date against the last one (``AcrossItems``),
  /// reported once.
  static func checkOrder(_ seconds: Int, line: Int, into findings: inout FindingList) {
    if !findings.across.reportedOrder, let previous = findings.across.previousDate, seconds > previous.seconds {
      findings.report(
        itemOrder, "this item is newer than \(ItemReference.phrase(line: previous.line)) above it; list items newest first",
        line: line)
      findings.across.reportedOrder = true
    }
    findings.across.previousDate = (seconds, line)
  }

  /// Checks one date element and returns the date when it could be read at all.
  func check(_ element: XMLElement, into findings: inout FindingList) -> RFC822Date? {
    let text = element.text
    switch RFC822Date.parse(text) {
    case .invalid(let why):
      findings.add(
        Self.format,
        "\(element.tagName) \(text.quotedForMessage) is not an RFC 822 date because \(why); write it like '\(Self.example)'",
        at: element)
      return nil
    case .loose(let date, let why):
      findings.add(
        Self.format,
        "\(element.tagName) \(text.quotedForMessage) is readable but not strict RFC 822 because \(why); write it like '\(Self.example)'",
        at: element, severity: .warning)
      checkWeekday(date, element, into: &findings)
      return date
    case .strict(let date):
      checkWeekday(date, element, into: &findings)
      if date.writtenWeekday == nil {
        findings.add(
          Self.appleFormat,
          "\(element.tagName) \(text.quotedForMessage) has no day of the week; start it with the day name, e.g. '\(RFC822Date.weekdays[date.actualWeekday]), …'",
          at: element)
      }
      return date
    }
  }

  private func checkWeekday(_ date: RFC822Date, _ element: XMLElement, into findings: inout FindingList) {
    if let written = date.writtenWeekday, written != date.actualWeekday {
      findings.add(
        Self.weekday,
        "\(element.tagName) says \(RFC822Date.weekdays[written]) but \(date.day) \(RFC822Date.months[date.month - 1]) \(date.year) is a \(RFC822Date.weekdays[date.actualWeekday]); compute the day name from the date",
        at: element)
    }
    if date.year < 1995 || date.year > 2100 {
      findings.add(
        Self.plausible,
        "\(element.tagName) is in the year \(date.year), which is implausible for a podcast; check the date",
        at: element)
    }
  }
}
