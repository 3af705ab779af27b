import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  private static let notes =
    #"<description><![CDATA[<p>Show notes with <a href="https://example.com/notes">a link</a>.</p>]]></description>"#

  private static func notes(_ html: String) -> String { "<description><![CDATA[\(html)]]></description>" }

  static let itemCases: [BrokenFeed] = [
    BrokenFeed(
      "RSS-ITEM-TITLE-OR-DESC", .error, "neither title nor description",
      .init("<title>First episode</title>", ""),
      .init("<description><![CDATA[<p>The first show notes.</p>]]></description>", ""),
      .mark("<item>\n      \n      <link>https://example.com/episodes/1")),
    BrokenFeed(
      "RSS-ITEM-TITLE-PLAIN", .warning, "HTML in a title",
      .mark("<title>Second episode</title>", "<title>Second &lt;b&gt;episode&lt;/b&gt;</title>")),
    BrokenFeed("RSS-ITEM-HTML-SAFE", .warning, "a script", .mark(notes, notes("<p>Hi<script>alert(1)</script></p>"))),
    BrokenFeed(
      "RSS-ITEM-HTML-SAFE", .warning, "an iframe", .mark(notes, notes(#"<iframe src="https://x.example/"></iframe>"#))),
    BrokenFeed(
      "RSS-ITEM-HTML-SAFE", .warning, "an event handler", .mark(notes, notes(#"<p onclick="steal()">Hi</p>"#))),
    BrokenFeed(
      "RSS-ITEM-HTML-SAFE", .warning, "a javascript: link", .mark(notes, notes(#"<a href="javascript:steal()">x</a>"#))),
    BrokenFeed("RSS-ITEM-HTML-SAFE", .warning, "a relative link", .mark(notes, notes(#"<a href="/episodes/2">x</a>"#))),
    BrokenFeed("RSS-ITEM-HTML-SAFE", .warning, "a relative image", .mark(notes, notes(#"<img src=cover.jpg>"#))),
    BrokenFeed(
      "RSS-ITEM-CONTENT-ENCODED", .warning, "content:encoded without description",
      .init(notes, ""), .mark("<content:encoded>")),
    BrokenFeed(
      "RSS-ITEM-DUP-SEMANTICS", .warning, "pubDate and dc:date",
      .mark(
        "<enclosure url=\"https://cdn.example.com/episode-2.mp3\"",
        "<dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">2019-06-15</dc:date>\n      <enclosure url=\"https://cdn.example.com/episode-2.mp3\""
      )),
    BrokenFeed(
      "CLIENT-NO-ENCLOSURE", .error, "an item without enclosure",
      .init(#"<enclosure url="https://cdn.example.com/episode-1.m4a" length="12345678" type="audio/x-m4a"/>"#, ""),
      .mark(Anchor.secondItem)),
  ]
}

@Suite struct ItemRuleTests {
  @Test(arguments: BrokenFeed.itemCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test func reportsAFeedWithoutItems() {
    let start = ValidFeed.text.range(of: "    <item>")
    let end = ValidFeed.text.range(of: "  </channel>")
    guard let start, let end else { Issue.record("valid feed changed"); return }
    var text = ValidFeed.text
    text.removeSubrange(start.lowerBound..<end.lowerBound)
    let findings = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(findings.contains { $0.ruleID == "CLIENT-NO-ENCLOSURE" && $0.location?.line == 3 })
  }

  @Test(arguments: [
    (#"<p>Plain <a href="https://example.com">link</a> and <a href="mailto:a@example.com">mail</a></p>"#, 0),
    (##"<a href="#top">top</a> <img src="//cdn.example.com/a.png"> 3 < 4 and x<y"##, 0),
    (#"<SCRIPT>x</SCRIPT><p ONLOAD=x><a href='rel'>r</a><a href=" JavaScript:x">j</a>"#, 4),
    (#"<script>a</script><script>b</script>"#, 1),
  ])
  func scansShowNotesLightly(html: String, problems: Int) {
    let (text, _) = ValidFeed.broken([
      .init(BrokenFeed.itemCases[2].edits[0].old, "<description><![CDATA[\(html)]]></description>")
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f").filter { $0.ruleID == "RSS-ITEM-HTML-SAFE" }
    #expect(findings.count == problems)
  }
}

extension BrokenFeed {
  static let markupCases: [BrokenFeed] = [
    BrokenFeed(
      "APPLE-HTML-CDATA", .warning, "HTML written as XML in show notes",
      .mark(
        "<description><![CDATA[<p>The first show notes.</p>]]></description>",
        "<description><p>The first show notes.</p></description>")),
    BrokenFeed(
      "RSS-ITEM-TITLE-PLAIN", .warning, "HTML written as XML in a title",
      .mark("<title>First episode</title>", "<title>First <b>episode</b></title>")),
  ]
}

@Suite struct MarkupRuleTests {
  @Test(arguments: BrokenFeed.markupCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }
}
