import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

/// `guid_is_permalink`: a GUID that is the episode's own web address keeps `isPermaLink="true"`,
/// as the feed a show was moved from had it (RSS 2.0,
/// https://www.rssboard.org/rss-specification#ltguidgtSubelementOfLtitemgt); anything else is
/// refused at its line, and a GUID without the key is written `isPermaLink="false"`.
@Suite struct GUIDPermalinkTests {
  static let now = Timestamp.parse("2026-01-01T00:00:00Z")!

  @Test(arguments: [
    ("https://tee.podium.test/?p=12", "guid_is_permalink: true", "true"),
    ("https://tee.podium.test/?p=12", "", "false"),
    ("6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f", "guid_is_permalink: false", "false"),
  ])
  func theFeedSaysWhatTheCatalogueSays(guid: String, extra: String, written: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: guid, extra: extra)
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: Self.now))
      .build()
    #expect(!report.hasErrors, "\(report.findings)")
    let feed = try XMLDocument(data: try Data(contentsOf: fixture.output.appendingPathComponent("gesprekken/feed.xml")))
    let element = try #require(feed.root.firstChild(named: "channel")?.firstChild(named: "item")?.firstChild(named: "guid"))
    #expect(element.text == guid)
    #expect(element.attribute("isPermaLink") == written)
  }

  @Test(arguments: ["6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f", "ftp://tee.podium.test/12", "https://"])
  func aGUIDThatIsNoWebAddressIsRefused(guid: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: guid, extra: "guid_is_permalink: true")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID == "CAT-VALUE" }
    #expect(findings.map(\.location) == [Diagnostics.SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 9)])
    #expect(findings.first?.message.contains("not an http(s) URL") == true)
  }
}
