import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  static let channelCases: [BrokenFeed] = [
    BrokenFeed(
      "RSS-CH-REQUIRED", .error, "no <link>",
      .init("<link>https://example.com/show</link>", ""), .mark(Anchor.channel)),
    BrokenFeed(
      "RSS-CH-LINK-URL", .warning, "relative link",
      .mark("<link>https://example.com/show</link>", "<link>example.com/show</link>")),
    BrokenFeed(
      "RSS-CH-DESC-PLAIN", .warning, "HTML in the show description",
      .mark("<description>A show", "<description>A &lt;b&gt;show&lt;/b&gt;")),
    BrokenFeed(
      "RSS-CH-LANGUAGE", .error, "no <language>", .init("<language>en-us</language>", ""), .mark(Anchor.channel)),
    BrokenFeed(
      "RSS-CH-IMAGE", .info, "<image> without title and link",
      .mark("<copyright>", "<image><url>https://example.com/a.jpg</url></image>\n    <copyright>")),
    BrokenFeed(
      "RSS-CH-ORDER", .warning, "metadata after the items", .mark("  </channel>", "<ttl>60</ttl>\n  </channel>")),
    BrokenFeed(
      "RSS-ATOM-SELF", .warning, "missing self link (W3C MissingAtomSelfLink)",
      .init(#"<atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>"#, ""),
      .mark(Anchor.channel)),
    BrokenFeed(
      "RSS-ATOM-SELF", .warning, "relative self link",
      .mark(#"<atom:link href="https://example.com/feed.xml""#, #"<atom:link href="/feed.xml""#)),
    BrokenFeed(
      "RSS-CH-NO-DUP", .warning, "two languages",
      .mark("<copyright>", "<language>nl</language>\n    <copyright>")),
    BrokenFeed(
      "RSS-CH-NO-DUP", .warning, "two titles in an item",
      .mark(
        "<link>https://example.com/episodes/2</link>",
        "<title>Again</title>\n      <link>https://example.com/episodes/2</link>")),
    BrokenFeed(
      "APPLE-CH-TITLE", .error, "empty show title", .mark("<title>Podium Test Show</title>", "<title></title>")),
    BrokenFeed(
      "APPLE-CH-DESC", .error, "show description over 4000 bytes",
      .mark(
        "<description>A show about testing podcast feeds.</description>",
        "<description>\(String(repeating: "é", count: 2001))</description>")),
    BrokenFeed(
      "APPLE-CH-IMAGE", .error, "no itunes:image",
      .init(#"<itunes:image href="https://example.com/cover.jpg"/>"#, ""), .mark(Anchor.channel)),
    BrokenFeed(
      "APPLE-CH-IMAGE", .error, "artwork URL as text instead of href",
      .mark(
        #"<itunes:image href="https://example.com/cover.jpg"/>"#,
        "<itunes:image>https://example.com/cover.jpg</itunes:image>")),
    BrokenFeed(
      "APPLE-IMG-FORMAT", .error, "GIF artwork",
      .mark(
        #"<itunes:image href="https://example.com/cover.jpg"/>"#,
        #"<itunes:image href="https://example.com/cover.gif"/>"#)),
    BrokenFeed(
      "APPLE-CH-LANGUAGE", .error, "not an ISO 639 code",
      .mark("<language>en-us</language>", "<language>english</language>")),
    BrokenFeed(
      "APPLE-CH-EXPLICIT", .warning, "explicit yes (a W3C error, but apps still read it)",
      .mark("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>yes</itunes:explicit>")),
    BrokenFeed(
      "APPLE-CH-EXPLICIT", .warning, "explicit no",
      .mark("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>no</itunes:explicit>")),
    BrokenFeed(
      "APPLE-CH-EXPLICIT", .error, "explicit maybe",
      .mark("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>maybe</itunes:explicit>")),
    BrokenFeed(
      "APPLE-CH-EXPLICIT", .error, "no itunes:explicit",
      .init("<itunes:explicit>false</itunes:explicit>", ""), .mark(Anchor.channel)),
    BrokenFeed(
      "APPLE-CH-AUTHOR", .warning, "no itunes:author", .init("<itunes:author>Ada Example</itunes:author>", ""),
      .mark(Anchor.channel)),
    BrokenFeed(
      "APPLE-CH-TYPE", .error, "Serial with a capital (W3C InvalidItunesChannelType)",
      .mark("<itunes:type>episodic</itunes:type>", "<itunes:type>Serial</itunes:type>")),
    BrokenFeed(
      "APPLE-CH-NEW-FEED-URL", .info, "relative new-feed-url",
      .mark("<itunes:type>", "<itunes:new-feed-url>feed.xml</itunes:new-feed-url>\n    <itunes:type>")),
    BrokenFeed(
      "APPLE-CH-BLOCK", .info, "block Yes hides the show",
      .mark("<itunes:type>", "<itunes:block>Yes</itunes:block>\n    <itunes:type>")),
    BrokenFeed(
      "APPLE-CH-BLOCK", .info, "block true does nothing",
      .mark("<itunes:type>", "<itunes:block>true</itunes:block>\n    <itunes:type>")),
    BrokenFeed(
      "APPLE-CH-COMPLETE", .info, "complete yes does nothing",
      .mark("<itunes:type>", "<itunes:complete>yes</itunes:complete>\n    <itunes:type>")),
    BrokenFeed(
      "APPLE-CH-OWNER", .info, "owner without email",
      .mark("<itunes:type>", "<itunes:owner><itunes:name>Ada</itunes:name></itunes:owner>\n    <itunes:type>")),
    BrokenFeed(
      "APPLE-DEPRECATED-TAGS", .info, "itunes:summary",
      .mark("<itunes:duration>1925", "<itunes:summary>Old</itunes:summary>\n      <itunes:duration>1925")),
    BrokenFeed(
      "APPLE-TEXT-SPACE", .warning, "whitespace around the show title",
      .mark("<title>Podium Test Show</title>", "<title> Podium Test Show </title>")),
    BrokenFeed(
      "APPLE-TEXT-255", .error, "author over 255 characters",
      .mark(
        "<itunes:author>Ada Example</itunes:author>",
        "<itunes:author>\(String(repeating: "a", count: 256))</itunes:author>")),
  ]
}

@Suite struct ChannelRuleTests {
  @Test(arguments: BrokenFeed.channelCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test func acceptsLegacyBooleansOnlyWithAWarning() {
    let (text, _) = ValidFeed.broken([
      .init("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>clean</itunes:explicit>")
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(findings.filter { $0.severity == .error } == [])
    #expect(findings.map(\.ruleID) == ["APPLE-CH-EXPLICIT"])
  }
}
