import Catalogue
import Testing

@Suite struct TimestampTests {
  /// Weekdays are computed, never copied: Apple's own samples get them wrong
  /// (https://podcasters.apple.com/support/823-podcast-requirements: "Wed, 6 Jul 2014" was a Sunday).
  @Test(arguments: [
    ("2014-07-06T13:00:00Z", "Sun, 06 Jul 2014 13:00:00 +0000"),
    ("2019-06-15T10:00:00+02:00", "Sat, 15 Jun 2019 10:00:00 +0200"),
    ("2021-02-26T00:00:00-05:00", "Fri, 26 Feb 2021 00:00:00 -0500"),
    ("2014-10-08T23:59:59+05:30", "Wed, 08 Oct 2014 23:59:59 +0530"),
    ("2024-02-29T12:00:00+01:00", "Thu, 29 Feb 2024 12:00:00 +0100"),
    ("1969-12-31T23:00:00Z", "Wed, 31 Dec 1969 23:00:00 +0000"),
  ])
  func rfc2822(iso: String, expected: String) throws {
    let timestamp = try #require(Timestamp.parse(iso))
    #expect(timestamp.rfc2822 == expected)
  }

  @Test func offsetsDenoteTheSameMoment() throws {
    let a = try #require(Timestamp.parse("2024-03-14T09:00:00+01:00"))
    let b = try #require(Timestamp.parse("2024-03-14T08:00:00Z"))
    #expect(a.seconds == b.seconds)
    #expect(a.iso8601 == "2024-03-14T09:00:00+01:00")
    #expect(b.iso8601 == "2024-03-14T08:00:00Z")
  }

  @Test(arguments: [
    "2024-03-14", "2024-03-14T09:00:00", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-03-14T24:00:00Z",
    "2024-03-14T09:00:00+1", "14 Mar 2024 09:00 +0100", "2024-03-14T09:00:00Zjunk", "",
  ])
  func rejects(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }
}
