import Diagnostics
import FeedRules
import Foundation
import PodiumXML
import Testing

extension BrokenSitemap {
  private static let urlset = #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9""#
  private static let videoNamespace = #"xmlns:video="http://www.google.com/schemas/sitemap-video/1.1""#
  private static let content = "<video:content_loc>https://cdn.example.com/video-2.mp4</video:content_loc>"
  private static let player = "<video:player_loc>https://example.com/player?video=1</video:player_loc>"
  private static let thumbnail = "<video:thumbnail_loc>https://cdn.example.com/video-2.jpg</video:thumbnail_loc>"
  private static let duration = "<video:duration>9</video:duration>"
  private static let published = "<video:publication_date>2024-09-26T10:00:00+02:00</video:publication_date>"

  private static func tag(_ name: String, _ old: String, _ new: String) -> ValidFeed.Edit {
    .mark("<video:\(name)>\(old)</video:\(name)>", "<video:\(name)>\(new)</video:\(name)>")
  }

  static let cases: [BrokenSitemap] = [
    BrokenSitemap(
      "VSM-NS", .error, "sitemap namespace over https", .init(urlset, urlset.replacingOccurrences(of: "http:", with: "https:")),
      .mark("<urlset ")),
    BrokenSitemap(
      "VSM-NS", .error, "no sitemap namespace",
      .init(#"xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" "#, ""), .mark("<urlset ")),
    BrokenSitemap(
      "VSM-NS", .error, "video namespace 1.0", .init(videoNamespace, videoNamespace.replacingOccurrences(of: "1.1", with: "1.0")),
      .mark("<urlset ")),
    BrokenSitemap(
      "VSM-NS", .error, "video namespace with a trailing slash",
      .init(videoNamespace, videoNamespace.replacingOccurrences(of: "1.1\"", with: "1.1/\"")), .mark("<urlset ")),
    BrokenSitemap(
      "VSM-NS", .error, "video prefix not declared", .init(" " + videoNamespace, ""),
      .mark("<video:video>\n      <video:thumbnail_loc>https://cdn.example.com/video-2.jpg")),
    BrokenSitemap(
      "VSM-NS", .error, "an RSS feed is not a sitemap",
      .mark(#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \#(videoNamespace)>"#, #"<rss version="2.0">"#),
      .init("</urlset>", "</rss>")),
    BrokenSitemap(
      "VSM-REQUIRED", .error, "no thumbnail", .init(thumbnail + "\n      ", ""),
      .mark("<video:video>\n      <video:title>Second video")),
    BrokenSitemap("VSM-REQUIRED", .error, "an empty title", tag("title", "Second video", " ")),
    BrokenSitemap(
      "VSM-REQUIRED", .error, "no description",
      .init("<video:description>The first video, in a player.</video:description>", ""),
      .mark("<video:video>\n      <video:thumbnail_loc>https://cdn.example.com/video-1.png")),
    BrokenSitemap(
      "VSM-REQUIRED", .error, "neither content_loc nor player_loc", .init(player, ""),
      .mark("<video:video>\n      <video:thumbnail_loc>https://cdn.example.com/video-1.png")),
    BrokenSitemap(
      "VSM-REQUIRED", .error, "no loc", .init("<loc>https://example.com/videos/1/</loc>", ""),
      .mark("<url>\n    \n")),
    BrokenSitemap("VSM-REQUIRED", .error, "a relative loc", tag("content_loc", "https://cdn.example.com/video-2.mp4", "/video-2.mp4")),
    BrokenSitemap(
      "VSM-REQUIRED", .error, "a relative page",
      .mark("<loc>https://example.com/videos/2/</loc>", "<loc>/videos/2/</loc>")),
    BrokenSitemap(
      "VSM-NOT-LOC", .error, "the player is the page",
      tag("player_loc", "https://example.com/player?video=1", "https://example.com/videos/1/")),
    BrokenSitemap(
      "VSM-NOT-LOC", .error, "the content is the page",
      tag("content_loc", "https://cdn.example.com/video-2.mp4", "https://example.com/videos/2/")),
    BrokenSitemap(
      "VSM-NOT-LOC", .error, "the content is a page",
      tag("content_loc", "https://cdn.example.com/video-2.mp4", "https://example.com/watch.html")),
    BrokenSitemap(
      "VSM-NOT-LOC", .error, "the content is Flash",
      tag("content_loc", "https://cdn.example.com/video-2.mp4", "https://cdn.example.com/video-2.swf")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "a 2049-character description",
      tag("description", "The second video, in one file.", String(repeating: "é", count: 2049))),
    BrokenSitemap("VSM-LIMITS", .error, "duration 0", tag("duration", "9", "0")),
    BrokenSitemap("VSM-LIMITS", .error, "duration over eight hours", tag("duration", "28800", "28801")),
    BrokenSitemap("VSM-LIMITS", .error, "duration as ISO 8601", tag("duration", "9", "PT9S")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "33 tags",
      .init(
        "<video:tag>cycling</video:tag>",
        (0..<31).map { "<video:tag>t\($0)</video:tag>" }.joined() + "\n1️⃣<video:tag>last</video:tag>")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "a publication date without zone",
      tag("publication_date", "2024-09-26T10:00:00+02:00", "2024-09-26T10:00:00")),
    BrokenSitemap("VSM-LIMITS", .error, "an RFC 822 publication date", tag("publication_date", "2024-03-07", "Thu, 07 Mar 2024")),
    BrokenSitemap("VSM-LIMITS", .error, "30 February", tag("expiration_date", "2030-01-01", "2030-02-30")),
    BrokenSitemap("VSM-LIMITS", .error, "family_friendly true", tag("family_friendly", "yes", "true")),
    BrokenSitemap("VSM-LIMITS", .error, "live Yes", tag("live", "no", "Yes")),
    BrokenSitemap("VSM-LIMITS", .error, "rating 6", tag("rating", "4.2", "6")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "an uploader over 255 characters",
      .init(">Ada Example<", ">\(String(repeating: "a", count: 256))<"), .mark("<video:uploader ")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "restriction without relationship",
      .mark(#"<video:restriction relationship="allow">"#, "<video:restriction>")),
    BrokenSitemap(
      "VSM-LIMITS", .error, "two platforms",
      .init("<video:requires_subscription>", #"1️⃣<video:platform relationship="allow">web</video:platform>"#
        + "\n      <video:requires_subscription>")),
    BrokenSitemap(
      "VSM-THUMB", .warning, "the thumbnail is the video",
      tag("thumbnail_loc", "https://cdn.example.com/video-2.jpg", "https://cdn.example.com/video-2.mp4")),
  ]
}

@Suite struct SitemapRuleTests {
  @Test(arguments: BrokenSitemap.cases)
  func reportsTheBrokenRule(_ sitemap: BrokenSitemap) { sitemap.expectFinding() }

  static let parseRules: Set = ["RSS-XML-WELLFORMED", "RSS-XML-NAMED-ENTITIES", "RSS-XML-CDATA-END"]

  @Test func everyRuleHasABreakingSitemapInTheTests() {
    let tested = Set(BrokenSitemap.cases.map(\.ruleID)).union(Self.parseRules)
    #expect(SitemapLinter.rules.map(\.id).filter { !tested.contains($0) } == [])
  }

  @Test func everyRuleSaysWhereItComesFromAndWhatItAsks() {
    let ids = SitemapLinter.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    for rule in SitemapLinter.rules {
      #expect(!rule.source.isEmpty && !rule.summary.isEmpty, "\(rule.id)")
      #expect(rule.id.hasPrefix("VSM-") || Self.parseRules.contains(rule.id))
    }
  }

  @Test(arguments: [
    ("VSM-NS", Severity.error), ("VSM-REQUIRED", .error), ("VSM-NOT-LOC", .error), ("VSM-LIMITS", .error),
    ("VSM-THUMB", .warning),
  ])
  func severitiesFollowFeedRules(id: String, severity: Severity) {
    #expect(SitemapLinter.rules.first { $0.id == id }?.severity == severity)
  }

  @Test func aCorrectSitemapHasNoFindings() throws {
    #expect(SitemapLinter().lint(Data(ValidSitemap.text.utf8), file: "video-sitemap.xml") == [])
    let document = try PodiumXML.XMLDocument(string: ValidSitemap.text)
    #expect(SitemapLinter().lint(document, file: "video-sitemap.xml") == [])
  }

  @Test(arguments: [
    ("<urlset>\n<url><loc>https://x.example/ &nbsp;</loc></url></urlset>", "RSS-XML-NAMED-ENTITIES", 2),
    ("<!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><urlset>&x;</urlset>", "RSS-XML-WELLFORMED", 1),
    ("", "RSS-XML-WELLFORMED", 1),
    ("<urlset>\n\n<url><loc>https://x.example/</url></urlset>", "RSS-XML-WELLFORMED", 3),
  ])
  func turnsParseErrorsIntoOneFinding(text: String, ruleID: String, line: Int) {
    let findings = SitemapLinter().lint(Data(text.utf8), file: "video-sitemap.xml")
    #expect(findings.map(\.ruleID) == [ruleID])
    #expect(findings.first?.location == SourceLocation(file: "video-sitemap.xml", line: line))
    #expect(findings.first?.message.contains("; ") == true)
  }

  @Test func parseErrorsSpeakOfTheSitemap() {
    let findings = SitemapLinter().lint(Data("<urlset><url></urlset>".utf8), file: "f")
    #expect(findings.first?.message.hasPrefix("the sitemap is not well-formed XML") == true)
  }

  @Test func aSitemapIndexIsNotASitemap() {
    let index = #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap/></sitemapindex>"#
    let findings = SitemapLinter().lint(Data(index.utf8), file: "f")
    #expect(findings.map(\.ruleID) == ["VSM-NS"])
    #expect(findings.first?.message.contains("sitemap index") == true)
  }

  @Test func reportsOverFiftyThousandURLsOnce() {
    let url = "<url><loc>https://x.example/</loc></url>\n"
    let text = #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
      + String(repeating: url, count: 50_001) + "</urlset>"
    let findings = SitemapLinter(maximumSize: 4 << 20).lint(Data(text.utf8), file: "f")
    #expect(findings.map(\.ruleID) == ["VSM-LIMITS"])
    #expect(findings.first?.location?.line == 1)
  }

  @Test func refusesASitemapOverFiftyMegabytes() {
    let findings = SitemapLinter(maximumSize: 64 << 20).lint(Data(count: 50 * 1024 * 1024 + 1), file: "f")
    #expect(findings.map(\.ruleID) == ["VSM-LIMITS"])
  }

  @Test(arguments: [
    ("2024", true), ("2024-09", true), ("2024-09-26", true), ("2024-09-26T10:00+02:00", true),
    ("2024-09-26T10:00:00Z", true), ("2024-09-26T10:00:00.25-05:00", true), ("2024-02-29", true),
    ("2023-02-29", false), ("2024-13-01", false), ("2024-09-26T10:00:00", false), ("2024-09-26T24:00:00Z", false),
    ("2024-09-26 10:00:00Z", false), ("2024-09-26T10:00:00+0200", false), ("24-09-26", false), ("2024-9-26", false),
  ])
  func readsW3CDatetimes(text: String, valid: Bool) {
    let (sitemap, _) = ValidFeed.apply(
      [.init("<video:publication_date>2024-03-07</video:publication_date>", "<video:publication_date>\(text)</video:publication_date>")],
      to: ValidSitemap.text)
    let findings = SitemapLinter().lint(Data(sitemap.utf8), file: "f")
    #expect(findings.isEmpty == valid, "\(findings)")
  }
}
