import Diagnostics
import FeedRules
import Foundation
import Testing

@testable import FeedRules

extension BrokenFeed {
  private static let pubDate = "<pubDate>Sat, 15 Jun 2019 09:30:00 GMT</pubDate>"

  private static func pubDate(_ text: String) -> String { "<pubDate>\(text)</pubDate>" }

  static let dateCases: [BrokenFeed] = [
    BrokenFeed("RSS-DATE-RFC822", .error, "ISO 8601 pubDate", .mark(pubDate, pubDate("2019-06-15T09:30:00Z"))),
    BrokenFeed("RSS-DATE-RFC822", .error, "US-style date", .mark(pubDate, pubDate("6/15/2019 9:30:00 AM"))),
    BrokenFeed("RSS-DATE-RFC822", .error, "impossible hour", .mark(pubDate, pubDate("Sat, 15 Jun 2019 34:50:00 GMT"))),
    BrokenFeed("RSS-DATE-RFC822", .warning, "two-digit year", .mark(pubDate, pubDate("Sat, 15 Jun 19 09:30:00 GMT"))),
    BrokenFeed(
      "RSS-DATE-RFC822", .error, "lastBuildDate too",
      .mark(
        "<lastBuildDate>Sat, 15 Jun 2019 10:00:00 +0000</lastBuildDate>", "<lastBuildDate>yesterday</lastBuildDate>")),
    BrokenFeed(
      "RSS-DATE-DOW", .error, "Apple's sample weekday", .mark(pubDate, pubDate("Wed, 15 Jun 2019 09:30:00 GMT"))),
    BrokenFeed("RSS-DATE-PLAUSIBLE", .warning, "1985", .mark(pubDate, pubDate("Sat, 15 Jun 1985 09:30:00 GMT"))),
    BrokenFeed("APPLE-DATE-RFC2822", .error, "no day of the week", .mark(pubDate, pubDate("15 Jun 2019 09:30:00 GMT"))),
    BrokenFeed(
      "APPLE-ITEM-PUBDATE", .warning, "no pubDate", .init("<pubDate>Sun, 06 Jul 2014 13:00:00 +0000</pubDate>", ""),
      .mark(Anchor.secondItem)),
    BrokenFeed(
      "RSS-ITEM-ORDER", .info, "oldest first",
      .init(pubDate, "<pubDate>OLD</pubDate>"),
      .mark("<pubDate>Sun, 06 Jul 2014 13:00:00 +0000</pubDate>", pubDate),
      .init("OLD", "Sun, 06 Jul 2014 13:00:00 +0000")),
  ]
}

@Suite struct DateRuleTests {
  @Test(arguments: BrokenFeed.dateCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test(arguments: [
    "Wed, 02 Oct 2002 15:00:00 +0200", "Wed, 02 Oct 2002 15:00 GMT", "2 Oct 2002 15:00:00 EST",
    "Sun, 06 Jul 2014 13:00:00 Z", "Sat, 29 Feb 2020 00:00:00 -0000", "Tue, 31 Dec 2024 23:59:60 UT",
  ])
  func readsStrictDates(text: String) {
    guard case .strict = RFC822Date.parse(text) else { Issue.record("\(text) not strict"); return }
  }

  @Test(arguments: [
    "wed, 02 oct 2002 15:00:00 +0200", "Wed, 02 Oct 02 15:00:00 +0200", "Wed,  02 Oct 2002 15:00:00 GMT",
    "Wednesday, 02 October 2002 15:00:00 GMT", "Wed 02 Oct 2002 15:00:00 GMT", "Wed, 02 Oct 2002 15:00:00 UTC",
    "Wed, 02 Oct 2002 15:00:00 A", "Wed, 02 Oct 2002 15:00:00 +02:00", "Wed, 2 Oct 2002 5:00:00 GMT",
  ])
  func readsLooseDatesWithAReason(text: String) {
    guard case .loose(_, let why) = RFC822Date.parse(text) else { Issue.record("\(text) not loose"); return }
    #expect(!why.isEmpty)
  }

  @Test(arguments: [
    "2019-06-15T09:30:00Z", "", "Sat, 15 Jun 2019", "Sat, 31 Jun 2019 09:30:00 GMT", "Sat, 15 Jun 2019 09:30:00",
    "Sat, 15 Jun 2019 09:61:00 GMT", "Sat, 15 Jun 2019 09:30:00 GMT-0400 (EDT)", "Fri, 29 Feb 2019 00:00:00 GMT",
    "Sat, 15 Jux 2019 09:30:00 GMT", "Sat, 15 Jun 2019 09:30:00 +2400",
  ])
  func refusesInvalidDates(text: String) {
    guard case .invalid = RFC822Date.parse(text) else { Issue.record("\(text) accepted"); return }
  }

  @Test(arguments: [
    ("Sun, 06 Jul 2014 13:00:00 +0000", 0), ("Sat, 15 Jun 2019 09:30:00 GMT", 6),
    ("Fri, 26 Feb 2021 00:00:00 GMT", 5), ("Wed, 08 Oct 2014 00:00:00 GMT", 3), ("Mon, 01 Jan 1900 00:00:00 GMT", 1),
  ])
  func computesTheWeekday(text: String, weekday: Int) {
    guard case .strict(let date) = RFC822Date.parse(text) else { Issue.record("\(text) not strict"); return }
    #expect(date.actualWeekday == weekday)
  }

  @Test func convertsToUTCForOrdering() {
    guard case .strict(let a) = RFC822Date.parse("Thu, 01 Jan 1970 01:00:00 +0100"),
      case .strict(let b) = RFC822Date.parse("Wed, 31 Dec 1969 19:00:00 EST")
    else { Issue.record("not strict"); return }
    #expect(a.secondsSince1970 == 0)
    #expect(b.secondsSince1970 == 0)
  }
}
