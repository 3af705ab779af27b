import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  private static let enclosure =
    #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="24986239" type="audio/mpeg"/>"#
  private static let guid = #"<guid isPermaLink="false">c2d7a1e0-6f1b-4c44-9d1e-000000000002</guid>"#

  static let enclosureCases: [BrokenFeed] = [
    BrokenFeed(
      "RSS-ENC-ATTRS", .error, "no type",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="24986239"/>"#)),
    BrokenFeed(
      "RSS-ENC-ATTRS", .error, "length -1 (W3C UseZeroForUnknown)",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="-1" type="audio/mpeg"/>"#)),
    BrokenFeed(
      "RSS-ENC-ATTRS", .error, "relative url",
      .mark(enclosure, #"<enclosure url="/episode-2.mp3" length="24986239" type="audio/mpeg"/>"#)),
    BrokenFeed(
      "RSS-ENC-ATTRS", .error, "type is not MIME",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="24986239" type="mp3"/>"#)),
    BrokenFeed(
      "CLIENT-ENC-LENGTH", .warning, "length 0",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="0" type="audio/mpeg"/>"#)),
    BrokenFeed(
      "RSS-ENC-ONE", .warning, "two enclosures",
      .init(
        enclosure,
        enclosure + "\n      1️⃣"
          + #"<enclosure url="https://cdn.example.com/episode-2.m4a" length="1" type="audio/x-m4a"/>"#)),
    BrokenFeed(
      "APPLE-ENC-FORMATS", .error, "Ogg is not played by Apple",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/episode-2.ogg" length="24986239" type="audio/ogg"/>"#)),
    BrokenFeed(
      "APPLE-ENC-FORMATS", .error, "type does not match the extension",
      .mark(
        enclosure,
        #"<enclosure url="https://cdn.example.com/episode-2.mp3?src=rss" length="24986239" type="video/mp4"/>"#)),
    BrokenFeed(
      "APPLE-ITEM-ENCLOSURE", .error, "two episodes share a media URL",
      .mark(
        #"<enclosure url="https://cdn.example.com/episode-1.m4a" length="12345678" type="audio/x-m4a"/>"#,
        #"<enclosure url="https://cdn.example.com/episode-2.mp3" length="24986239" type="audio/mpeg"/>"#)),
    BrokenFeed(
      "APPLE-ASCII-URLS", .error, "non-ASCII file name",
      .mark(enclosure, #"<enclosure url="https://cdn.example.com/épisode-2.mp3" length="24986239" type="audio/mpeg"/>"#)
    ),
  ]

  static let guidCases: [BrokenFeed] = [
    BrokenFeed(
      "RSS-GUID-PRESENT", .error, "no guid",
      .init(#"<guid isPermaLink="false">c2d7a1e0-6f1b-4c44-9d1e-000000000001</guid>"#, ""), .mark(Anchor.secondItem)),
    BrokenFeed("APPLE-GUID-REQUIRED", .error, "empty guid", .mark(guid, #"<guid isPermaLink="false"> </guid>"#)),
    BrokenFeed(
      "RSS-GUID-PERMALINK", .warning, "a UUID without isPermaLink=false",
      .mark(guid, "<guid>c2d7a1e0-6f1b-4c44-9d1e-000000000002</guid>")),
    BrokenFeed(
      "RSS-GUID-PERMALINK", .warning, "a tag: URI as permalink",
      .mark(guid, #"<guid isPermaLink="true">tag:example.com,2019:2</guid>"#)),
    BrokenFeed(
      "RSS-GUID-BOOL", .warning, "isPermaLink False",
      .mark(guid, #"<guid isPermaLink="False">c2d7a1e0-6f1b-4c44-9d1e-000000000002</guid>"#)),
    BrokenFeed(
      "RSS-GUID-BOOL", .warning, "ispermalink misspelt",
      .mark(guid, #"<guid ispermalink="false">https://example.com/2</guid>"#)),
    BrokenFeed(
      "RSS-GUID-UNIQUE", .error, "duplicate guids",
      .mark(#"<guid isPermaLink="false">c2d7a1e0-6f1b-4c44-9d1e-000000000001</guid>"#, guid)),
    BrokenFeed("RSS-GUID-STRENGTH", .warning, "a short number", .mark(guid, #"<guid isPermaLink="false">42</guid>"#)),
  ]
}

@Suite struct EnclosureAndGUIDRuleTests {
  @Test(arguments: BrokenFeed.enclosureCases + BrokenFeed.guidCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test(arguments: [
    ("episode.m4a", "audio/x-m4a"), ("episode.M4A", "audio/mp4"), ("episode.mp4", "video/mp4"),
    ("episode.mov", "video/quicktime"), ("episode.m4v", "video/x-m4v"), ("book.pdf", "application/pdf"),
  ])
  func acceptsApplesFormats(file: String, type: String) {
    let (text, _) = ValidFeed.broken([
      .init(
        #"https://cdn.example.com/episode-2.mp3" length="24986239" type="audio/mpeg""#,
        "https://cdn.example.com/\(file)?x=1\" length=\"5\" type=\"\(type)\"")
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(findings.filter { $0.severity >= .warning } == [])
  }
}
