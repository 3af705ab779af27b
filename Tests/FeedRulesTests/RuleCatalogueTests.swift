import Diagnostics
import FeedRules
import Testing

@Suite struct RuleCatalogueTests {
  static let allCases =
    BrokenFeed.documentCases + BrokenFeed.channelCases + BrokenFeed.categoryCases + BrokenFeed.itemCases
    + BrokenFeed.enclosureCases + BrokenFeed.guidCases + BrokenFeed.dateCases + BrokenFeed.appleItemCases
    + BrokenFeed.podcastCases + BrokenFeed.markupCases + BrokenFeed.mediaCases

  /// Reported by parse failures, tested in `DocumentRuleTests`.
  static let parseRules: Set = ["RSS-XML-WELLFORMED", "RSS-XML-NAMED-ENTITIES", "RSS-XML-CDATA-END"]

  @Test func ruleIDsAreUnique() {
    let ids = FeedLinter.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test func everyRuleHasABreakingFeedInTheTests() {
    let tested = Set(Self.allCases.map(\.ruleID)).union(Self.parseRules)
    let untested = FeedLinter.rules.map(\.id).filter { !tested.contains($0) }
    #expect(untested == [])
  }

  @Test func everyRuleSaysWhereItComesFromAndWhatItAsks() {
    for rule in FeedLinter.rules {
      #expect(!rule.source.isEmpty && !rule.summary.isEmpty, "\(rule.id)")
      #expect(
        rule.id.hasPrefix("RSS-") || rule.id.hasPrefix("APPLE-") || rule.id.hasPrefix("P20-")
          || rule.id.hasPrefix("CLIENT-") || rule.id.hasPrefix("MRSS-"))
    }
  }

  /// Each rule's source is a document a reader can open: a public URL.
  @Test func everyRuleCitesAPublicSource() {
    for rule in FeedLinter.rules + SitemapLinter.rules {
      #expect(rule.source.contains("https://"), "\(rule.id): \(rule.source)")
    }
  }

  /// Errors are for what an app or directory refuses; what no app rejects a feed for is a
  /// warning (docs/rules.md, Severities).
  @Test(arguments: [
    ("RSS-NS-PODCAST", Severity.warning), ("RSS-NS-ATOM", .warning), ("RSS-NS-ITUNES", .error),
    ("RSS-CH-LINK-URL", .warning), ("RSS-CH-NO-DUP", .warning), ("RSS-GUID-PERMALINK", .warning),
    ("RSS-GUID-BOOL", .warning), ("RSS-GUID-UNIQUE", .error), ("P20-ATTR-REQUIRED", .warning),
    ("CLIENT-NO-ENCLOSURE", .error), ("APPLE-TEXT-255", .error), ("APPLE-TEXT-SPACE", .warning),
  ])
  func whatNoAppRejectsIsAWarning(id: String, severity: Severity) {
    #expect(FeedLinter.rules.first { $0.id == id }?.severity == severity)
  }

  @Test(arguments: [
    ("RSS-XML-WELLFORMED", Severity.error), ("RSS-ATOM-SELF", .warning), ("RSS-GUID-PRESENT", .error),
    ("RSS-CH-LANGUAGE", .error), ("APPLE-CH-EXPLICIT", .error), ("CLIENT-ENC-LENGTH", .warning),
    ("P20-LEN-128", .warning), ("P20-MEDIUM", .info), ("APPLE-ITEM-EPISODE", .error), ("MRSS-NS", .warning),
    ("MRSS-CONTENT", .warning), ("MRSS-GROUP", .warning), ("MRSS-TITLE-DESC", .warning), ("MRSS-THUMBNAIL", .warning),
    ("MRSS-PLAYER", .info), ("MRSS-SUBTITLE", .info),
  ])
  func severitiesFollowFeedRules(id: String, severity: Severity) {
    #expect(FeedLinter.rules.first { $0.id == id }?.severity == severity)
  }
}
