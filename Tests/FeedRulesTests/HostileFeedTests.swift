import Diagnostics
import FeedRules
import Foundation
import Testing

/// Feeds built to make the linter's work or report grow out of proportion (issue 10, point 9).
/// Their time and memory are measured by Benchmarks/hostile-lint.sh, never here.
@Suite struct HostileFeedTests {
  private static let head = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<rss version="2.0"><channel><title>t</title>"#

  /// 100,000 empty items break six rules each: every rule lists its first 100, then one finding
  /// says how many more there are, so the report stays short.
  @Test func aFloodOfEmptyItemsGivesABoundedReport() throws {
    let feed = Self.head + "\n" + String(repeating: "<item/>", count: 100_000) + "\n</channel></rss>\n"
    let findings = FeedLinter().lint(Data(feed.utf8), file: "flood.xml")
    let byRule = Dictionary(grouping: findings, by: \.ruleID)
    let title = try #require(byRule["APPLE-ITEM-TITLE"])
    #expect(title.count == 101)
    let summary = try #require(title.first { $0.message.contains("more findings") })
    #expect(summary.message.hasPrefix("99900 more findings of this rule"), "\(summary.message)")
    #expect(summary.severity == title[0].severity)
    #expect(findings.count < 1_000, "\(findings.count) findings")
    #expect(byRule.values.allSatisfy { $0.count <= 101 })
  }

  /// A start tag with more attributes than any document needs is refused before libxml2 reads
  /// it (libxml2 2.9's duplicate check is quadratic in their number), with the tag's line.
  @Test func aTagWithTenThousandAttributesIsRefused() throws {
    let attributes = (0..<10_000).map { " a\($0)=\"x\"" }.joined()
    let feed = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<rss version=\"2.0\">\n<channel" + attributes
      + "><title>t</title></channel></rss>\n"
    let findings = FeedLinter().lint(Data(feed.utf8), file: "attributes.xml")
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.ruleID == "RSS-XML-WELLFORMED")
    #expect(finding.location?.line == 3)
    #expect(finding.message.contains("more than 256 attributes"), "\(finding.message)")
  }

  /// The linter keeps one item at a time and the channel's own elements: an item or a channel
  /// holding more than any feed needs is refused at its line instead of held, so a feed of any
  /// size can't take memory without end.
  @Test(arguments: [
    ("\n<item>" + String(repeating: "<a/>", count: 100_001) + "</item>", 3, "more than 100000 elements"),
    ("\n" + String(repeating: "<a/>", count: 10_001), 2, "more than 10000 elements"),
  ])
  func anItemOrChannelTooLargeToHoldIsRefused(body: String, line: Int, says: String) throws {
    let feed = Self.head + body + "\n</channel></rss>\n"
    let findings = FeedLinter().lint(Data(feed.utf8), file: "large.xml")
    #expect(findings.map(\.ruleID) == ["RSS-XML-WELLFORMED"])
    #expect(findings.first?.location?.line == line)
    #expect(findings.first?.message.contains(says) == true, "\(findings)")
  }
}
