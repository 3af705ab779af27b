import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  static let documentCases: [BrokenFeed] = [
    BrokenFeed(
      "RSS-XML-DECL-UTF8", .error, "no XML declaration",
      .mark(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n", "")),
    BrokenFeed(
      "RSS-XML-DECL-UTF8", .error, "declared as ISO-8859-1",
      .mark(#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<?xml version="1.0" encoding="ISO-8859-1"?>"#)),
    BrokenFeed("RSS-ROOT", .error, "RSS 0.91", .mark(#"<rss version="2.0""#, #"<rss version="0.91""#)),
    BrokenFeed(
      "APPLE-FEED-RSS2", .error, "no content namespace on <rss>",
      .init(#" xmlns:content="http://purl.org/rss/1.0/modules/content/""#, ""), .mark("<rss ")),
    BrokenFeed(
      "RSS-NS-DECLARED", .error, "undeclared prefix",
      .mark("<itunes:author>", "<googleplay:author>Ada</googleplay:author>\n    <itunes:author>")),
    BrokenFeed(
      "RSS-NS-ITUNES", .error, "mis-cased itunes URI",
      .init("podcast-1.0.dtd", "Podcast-1.0.dtd"), .mark("<rss ")),
    BrokenFeed(
      "RSS-NS-CONTENT", .error, "content URI without slash",
      .init("modules/content/", "modules/content"), .mark("<rss ")),
    BrokenFeed(
      "RSS-NS-PODCAST", .warning, "podcast URI with trailing slash",
      .init("namespace/1.0\"", "namespace/1.0/\""), .mark("<rss ")),
    BrokenFeed(
      "MRSS-NS", .warning, "media URI without slash, in a podcast feed",
      .mark("<rss ", #"<rss xmlns:media="http://search.yahoo.com/mrss" "#)),
    BrokenFeed(
      "RSS-NS-ATOM", .warning, "atom URI mis-cased",
      .init("2005/Atom\"", "2005/atom\""), .mark("<rss ")),
    BrokenFeed(
      "RSS-NS-GOOGLEPLAY", .info, "Google Play namespace",
      .mark("<rss ", #"<rss xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0" "#)),
  ]
}

@Suite struct DocumentRuleTests {
  @Test(arguments: BrokenFeed.documentCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  /// An Atom feed is not RSS under any profile: the plain RSS profile once let it pass with
  /// "0 errors", as its finding had an Apple id.
  @Test(arguments: [FeedProfile.podcast, .rss])
  func refusesAnAtomFeed(profile: FeedProfile) {
    let atom =
      #"<?xml version="1.0" encoding="UTF-8"?>"#
      + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>"
    let findings = FeedLinter(profile: profile).lint(Data(atom.utf8), file: "f")
    #expect(findings.map(\.ruleID) == ["RSS-ROOT"])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.location?.line == 2)
    #expect(findings.first?.message.contains("Atom") == true)
  }

  @Test(arguments: [
    "<html><head><title>Feed</title></head><body/></html>",
    #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>"#,
    #"<rss xmlns="http://example.com/ns" version="2.0"><channel/></rss>"#,
  ])
  func anyOtherRootIsAnErrorAsPlainRSSToo(document: String) {
    let findings = FeedLinter(profile: .rss).lint(Data(document.utf8), file: "f")
    #expect(findings.contains { $0.ruleID == "RSS-ROOT" && $0.severity == .error }, "\(findings)")
  }

  @Test func refusesAnHTMLPageAsRSS() {
    let page = "<html><head><title>Feed</title></head><body/></html>"
    let findings = FeedLinter().lint(Data(page.utf8), file: "f")
    #expect(findings.contains { $0.ruleID == "RSS-ROOT" && $0.severity == .error && $0.location?.line == 1 })
  }

  @Test(arguments: [
    ("<rss version=\"2.0\"><channel><title>Tom & Jerry</title></channel></rss>", "RSS-XML-WELLFORMED", 1),
    ("<rss version=\"2.0\">\n<channel><title>a&nbsp;b</title></channel></rss>", "RSS-XML-NAMED-ENTITIES", 2),
    ("<rss version=\"2.0\">\n\n<channel><title>a ]]> b</title></channel></rss>", "RSS-XML-CDATA-END", 3),
    ("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>", "RSS-XML-WELLFORMED", 1),
    ("", "RSS-XML-WELLFORMED", 1),
  ])
  func turnsParseErrorsIntoOneFinding(text: String, ruleID: String, line: Int) {
    let findings = FeedLinter().lint(Data(text.utf8), file: "feed.xml")
    #expect(findings.count == 1)
    #expect(findings.first?.ruleID == ruleID)
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.location == SourceLocation(file: "feed.xml", line: line))
    #expect(findings.first?.message.contains("; ") == true)
  }

  @Test func refusesAFeedOverTheSizeLimit() {
    let findings = FeedLinter(maximumFeedSize: 100).lint(Data(ValidFeed.text.utf8), file: "f")
    #expect(findings.map(\.ruleID) == ["RSS-XML-WELLFORMED"])
    #expect(findings.first?.message.contains("limit") == true)
  }
}
