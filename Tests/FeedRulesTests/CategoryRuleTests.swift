import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  private static let category = #"<itunes:category text="Technology"/>"#

  static let categoryCases: [BrokenFeed] = [
    BrokenFeed(
      "APPLE-CH-CATEGORY", .error, "no category",
      .init(category, ""),
      .init(
        "<itunes:category text=\"Education\">\n      <itunes:category text=\"How To\"/>\n    </itunes:category>", ""),
      .mark(Anchor.channel)),
    BrokenFeed(
      "APPLE-CH-CATEGORY", .warning, "How-To (a W3C error, but the Podcast Index spelling)",
      .mark(#"<itunes:category text="How To"/>"#, #"<itunes:category text="How-To"/>"#)),
    BrokenFeed("APPLE-CH-CATEGORY", .error, "wrong case", .mark(category, #"<itunes:category text="technology"/>"#)),
    BrokenFeed("APPLE-CH-CATEGORY", .error, "unknown name", .mark(category, #"<itunes:category text="Podcasts"/>"#)),
    BrokenFeed(
      "APPLE-CH-CATEGORY", .error, "a subcategory used as a category",
      .mark(category, #"<itunes:category text="Books"/>"#)),
    BrokenFeed(
      "APPLE-CH-CATEGORY", .warning, "obsolete Games & Hobbies",
      .mark(category, #"<itunes:category text="Games &amp; Hobbies"/>"#)),
    BrokenFeed(
      "APPLE-CH-CATEGORY", .warning, "obsolete Technology > Podcasting",
      .init(category, #"<itunes:category text="Technology">"#),
      .mark(
        "<itunes:category text=\"Education\">",
        "<itunes:category text=\"Podcasting\"/></itunes:category>\n    <itunes:category text=\"Education\">")),
    BrokenFeed(
      "APPLE-CH-CATEGORY", .error, "subcategory under the wrong parent",
      .mark(#"<itunes:category text="How To"/>"#, #"<itunes:category text="Football"/>"#)),
  ]
}

@Suite struct CategoryRuleTests {
  @Test(arguments: BrokenFeed.categoryCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test(arguments: [
    ("Religion &amp; Spirituality", "Religion"), ("Sports", "Football"), ("Kids &amp; Family", "Stories for Kids"),
    ("TV &amp; Film", "After Shows"), ("Leisure", "Animation &amp; Manga"), ("Health &amp; Fitness", "Mental Health"),
  ])
  func acceptsApplesCategories(parent: String, child: String) {
    let (text, _) = ValidFeed.broken([
      .init(
        #"<itunes:category text="Technology"/>"#,
        "<itunes:category text=\"\(parent)\"><itunes:category text=\"\(child)\"/></itunes:category>")
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(findings.filter { $0.ruleID == "APPLE-CH-CATEGORY" } == [])
  }
}
