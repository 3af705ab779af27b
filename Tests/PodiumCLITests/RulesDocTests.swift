import Catalogue
import Diagnostics
import FeedRules
import Foundation
import LinkCheck
import MediaProbe
import PodiumTestSupport
import Publisher
import Testing

/// `podium rules` lists every rule of every module, and docs/rules.md is exactly its Markdown,
/// so the documentation cannot drift from the code.
@Suite struct RulesDocTests {
  struct RuleRow: Decodable, Hashable {
    var group: String, id: String, severity: String, source: String, summary: String
  }

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func rows() throws -> [RuleRow] {
    let output = try PodiumProcess.run(["rules", "--format", "json"], in: repositoryRoot)
    #expect(output.status == 0)
    return try JSONDecoder().decode([RuleRow].self, from: Data(output.standardOutput.utf8))
  }

  @Test func docsRulesMarkdownIsUpToDate() throws {
    let generated = try PodiumProcess.run(["rules", "--format", "markdown"], in: Self.repositoryRoot)
    #expect(generated.status == 0)
    let committed = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    #expect(
      committed == generated.standardOutput,
      "docs/rules.md is out of date; regenerate it with `swift run podium rules --format markdown > docs/rules.md`")
  }

  /// Each module's rules, less those an earlier module lists: the well-formedness rules sitemaps
  /// share with feeds are listed with the feeds.
  static let modules: [(String, [Rule])] = {
    let declared: [(String, [Rule])] = [
      ("Catalogue", CatalogueRules.all), ("Media", ProbeRules.all), ("Publishing", PublishRules.all),
      ("Feed", FeedLinter.rules), ("Sitemap", SitemapLinter.rules), ("Remote", LinkRules.all),
    ]
    var listed: Set<String> = []
    return declared.map { group, rules in
      let own = rules.filter { !listed.contains($0.id) }
      listed.formUnion(own.map(\.id))
      return (group, own)
    }
  }()

  @Test(arguments: modules)
  func everyRuleOfAModuleIsListedOnceUnderIt(group: String, rules: [Rule]) throws {
    let listed = try Self.rows().filter { $0.group == group }
    #expect(listed.map(\.id).count == Set(listed.map(\.id)).count, "\(group) lists an id twice")
    #expect(Set(listed.map(\.id)) == Set(rules.map(\.id)))
    for rule in rules {
      let row = listed.first { $0.id == rule.id }
      #expect(row?.severity == rule.severity.rawValue && row?.summary == rule.summary && row?.source == rule.source)
    }
  }

  /// A rule's severity rests on its source, so a reader must be able to open it: a public URL, or a
  /// document in docs/.
  @Test(arguments: modules)
  func everyRuleCitesASourceAReaderCanOpen(group: String, rules: [Rule]) {
    for rule in rules {
      #expect(rule.source.contains("https://") || rule.source.contains("docs/"), "\(group) \(rule.id): \(rule.source)")
    }
  }

  @Test func groupsComeInOrderAndNothingElseIsListed() throws {
    let rows = try Self.rows()
    var groups: [String] = []
    for row in rows where groups.last != row.group { groups.append(row.group) }
    #expect(groups == ["Catalogue", "Media", "Publishing", "Feed", "Sitemap", "Remote"])
    #expect(rows.count == Set(Self.modules.flatMap { module in module.1.map { "\(module.0) \($0.id)" } }).count)
  }

  /// Each rule has one implementation and one id: `podium rules` lists every id once, and the
  /// rules other modules report too are listed as the feed rules they are.
  @Test func everyIdIsListedOnce() throws {
    let rows = try Self.rows()
    #expect(rows.count == Set(rows.map(\.id)).count, "\(Dictionary(grouping: rows, by: \.id).filter { $0.value.count > 1 }.keys)")
    for rule in CatalogueRules.sharedWithFeed + PublishRules.sharedWithFeed {
      #expect(rows.first { $0.id == rule.id }?.group == "Feed", "\(rule.id)")
    }
  }

  @Test func textListsEveryIdUnderItsGroup() throws {
    let output = try PodiumProcess.run(["rules"], in: Self.repositoryRoot)
    #expect(output.status == 0)
    for (group, rules) in Self.modules {
      #expect(output.standardOutput.contains("\(group) (\(Set(rules.map(\.id)).count) rules)"))
      for rule in rules { #expect(output.standardOutput.contains("  \(rule.id) "), "\(rule.id)") }
    }
  }

  @Test func markdownShowsTagsAndEntitiesAsWritten() throws {
    let output = try PodiumProcess.run(["rules", "--format", "markdown"], in: Self.repositoryRoot)
    #expect(output.standardOutput.contains("&lt;itunes:image href=\"…\"/&gt;"))
    #expect(output.standardOutput.contains("Only &amp;amp; &amp;lt;"))
    #expect(output.standardOutput.contains("| `APPLE-ITEM-DESC` | warning |"))
  }
}
