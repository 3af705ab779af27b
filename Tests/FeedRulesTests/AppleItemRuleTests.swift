import Diagnostics
import FeedRules
import Foundation
import Testing

@testable import FeedRules

extension BrokenFeed {
  private static let duration = "<itunes:duration>1925</itunes:duration>"

  static let appleItemCases: [BrokenFeed] = [
    BrokenFeed("APPLE-ITEM-TITLE", .error, "empty title", .mark("<title>Second episode</title>", "<title></title>")),
    BrokenFeed(
      "APPLE-ITEM-DESC", .warning, "notes over 4000 bytes",
      .mark("<description><![CDATA[<p>Show notes", "<description><![CDATA[<p>\(String(repeating: "x", count: 4000))")),
    BrokenFeed(
      "APPLE-ITEM-DURATION", .warning, "00:8:19 (W3C InvalidDuration)",
      .mark(duration, "<itunes:duration>00:8:19</itunes:duration>")),
    BrokenFeed(
      "APPLE-ITEM-DURATION", .warning, "decimal seconds", .mark(duration, "<itunes:duration>123.5</itunes:duration>")),
    BrokenFeed("APPLE-ITEM-DURATION", .warning, "no duration", .init(duration, ""), .mark(Anchor.firstItem)),
    BrokenFeed(
      "APPLE-ITEM-LINK", .warning, "relative episode link",
      .mark("<link>https://example.com/episodes/2</link>", "<link>episodes/2</link>")),
    BrokenFeed(
      "APPLE-ITEM-IMAGE", .warning, "episode art without href",
      .mark(#"<itunes:image href="https://example.com/episode-2.png"/>"#, "<itunes:image/>")),
    BrokenFeed(
      "APPLE-ITEM-EXPLICIT", .warning, "explicit yes on an episode",
      .mark(
        "<itunes:explicit>false</itunes:explicit>\n      <itunes:episode>",
        "<itunes:explicit>yes</itunes:explicit>\n      <itunes:episode>")),
    BrokenFeed(
      "APPLE-ITEM-EXPLICIT", .error, "explicit dirty",
      .mark(
        "<itunes:explicit>false</itunes:explicit>\n      <itunes:episode>",
        "<itunes:explicit>dirty</itunes:explicit>\n      <itunes:episode>")),
    BrokenFeed(
      "APPLE-ITEM-EPISODE", .error, "episode 0 (W3C InvalidPositiveInteger)",
      .mark("<itunes:episode>2</itunes:episode>", "<itunes:episode>0</itunes:episode>")),
    BrokenFeed(
      "APPLE-ITEM-EPISODE", .error, "serial show episode without a number",
      .init("<itunes:type>episodic</itunes:type>", "<itunes:type>serial</itunes:type>"),
      .init("<itunes:episode>1</itunes:episode>", ""), .mark(Anchor.secondItem)),
    BrokenFeed(
      "APPLE-ITEM-SEASON", .info, "season 0",
      .mark("<itunes:season>1</itunes:season>", "<itunes:season>0</itunes:season>")),
    BrokenFeed(
      "APPLE-ITEM-EPTYPE", .info, "Full with a capital",
      .mark("<itunes:episodeType>full</itunes:episodeType>", "<itunes:episodeType>Full</itunes:episodeType>")),
    BrokenFeed(
      "APPLE-ITEM-BLOCK", .info, "hidden episode",
      .mark(duration, "<itunes:block>Yes</itunes:block>\n      " + duration)),
    BrokenFeed(
      "APPLE-TEXT-SPACE", .warning, "whitespace around an episode title",
      .mark("<title>Second episode</title>", "<title>\n        Second episode\n      </title>")),
  ]
}

@Suite struct AppleItemRuleTests {
  @Test(arguments: BrokenFeed.appleItemCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test(arguments: [
    ("1925", true), ("32:05", true), ("1:02:03", true), ("100:00:00", true), ("0", true),
    ("00:8:19", false), ("123.5", false), ("1:60", false), ("1:2:3:4", false), ("", false), (":30", false),
    ("1:02:", false), ("PT1H", false), (" 12", false),
  ])
  func readsDurationsAsW3CDoes(text: String, valid: Bool) {
    #expect(AppleItemRules.isDuration(text) == valid)
  }
}
