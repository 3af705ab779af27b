import Foundation
import PodiumTestSupport
import Testing

/// Which rules `podium lint` applies when no `--profile` is given: a blog's feed is checked as
/// plain RSS and says so, a podcast feed whose items mostly lack enclosures gets a hint, and a
/// document that is not RSS is an error under every profile.
@Suite(.timeLimit(.minutes(1)))
struct LintProfileTests {
  /// An RSS feed of `items` posts, the first `enclosures` of them with an enclosure. Each post's
  /// notes hold markup in CDATA that looks like items and enclosures, which must not be counted.
  static func feed(items: Int, enclosures: Int, itunes: Bool) -> String {
    let namespace = itunes ? #" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""# : ""
    let posts = (0..<items).map { index in
      let enclosure =
        index < enclosures
        ? #"<enclosure url="https://example.com/\#(index).mp3" length="1000" type="audio/mpeg"/>"# : ""
      return """
          <item>
            <title>Post \(index)</title>
            <link>https://example.com/posts/\(index)</link>
            <description><![CDATA[<p>An <enclosure url="x"/> <item> and <!-- a comment --> in the notes.</p>]]></description>
            <guid isPermaLink="false">post-\(index)</guid>
            \(enclosure)
          </item>
        """
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- <rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"> in a comment declares nothing -->
      <rss version="2.0"\(namespace) xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel>
        <title>A blog</title>
        <link>https://example.com/</link>
        <description>Posts.</description>
        <language>en</language>
      \(posts.joined(separator: "\n"))
      </channel>
      </rss>
      """
  }

  struct Row: Decodable { var ruleID: String }

  static func lint(_ feed: String, _ arguments: [String] = []) throws -> (PodiumProcess.Output, [String]) {
    let folder = try TemporaryFolder()
    try folder.write("feed.xml", feed)
    let result = try PodiumProcess.run(["lint", "--format", "json"] + arguments + ["feed.xml"], in: folder.url)
    let rows = try JSONDecoder().decode([Row].self, from: Data(result.standardOutput.utf8))
    return (result, rows.map(\.ruleID))
  }

  /// No itunes namespace and no (or hardly any) enclosure: a blog, checked as plain RSS, with one
  /// line saying so instead of one CLIENT-NO-ENCLOSURE and one APPLE-ITEM-DURATION per post.
  @Test(arguments: [(40, 0), (40, 3)])
  func aBlogIsCheckedAsPlainRSSAndSaysSo(items: Int, enclosures: Int) throws {
    let (result, rules) = try Self.lint(Self.feed(items: items, enclosures: enclosures, itunes: false))
    #expect(result.status == 0, "\(rules)\(result.standardError)")
    #expect(!rules.contains { $0.hasPrefix("APPLE-") || $0.hasPrefix("CLIENT-") }, "\(rules)")
    let notes = result.standardError.split(separator: "\n").filter { $0.hasPrefix("note: ") }
    #expect(notes.count == 1, "\(result.standardError)")
    #expect(notes.first?.contains("\(enclosures) of its \(items) items have an <enclosure>") == true)
    #expect(notes.first?.contains("--profile podcast") == true)
  }

  @Test func profilePodcastStillAppliesEveryRuleToABlog() throws {
    let (result, rules) = try Self.lint(Self.feed(items: 40, enclosures: 0, itunes: false), ["--profile", "podcast"])
    #expect(result.status == 1)
    #expect(rules.filter { $0 == "CLIENT-NO-ENCLOSURE" }.count == 40)
    #expect(!result.standardError.contains("note: "))
  }

  /// A podcast feed (Apple's namespace) keeps every rule, and one line points at `--profile rss`
  /// when most of its items have no enclosure.
  @Test func aPodcastFeedWithManyItemsWithoutEnclosureGetsOneHint() throws {
    let (result, rules) = try Self.lint(Self.feed(items: 40, enclosures: 3, itunes: true))
    #expect(result.status == 1)
    #expect(rules.filter { $0 == "CLIENT-NO-ENCLOSURE" }.count == 37)
    let notes = result.standardError.split(separator: "\n").filter { $0.hasPrefix("note: ") }
    #expect(notes.count == 1, "\(result.standardError)")
    #expect(notes.first?.contains("feed.xml: 3 of its 40 items have an <enclosure>") == true)
    #expect(notes.first?.contains("--profile rss") == true)
  }

  /// A podcast with a few items without an enclosure is just a podcast with a problem: no hint.
  @Test(arguments: [(40, 35, true), (5, 0, true), (5, 1, false)])
  func aFewItemsWithoutEnclosureNeedNoHint(items: Int, enclosures: Int, itunes: Bool) throws {
    let (result, rules) = try Self.lint(Self.feed(items: items, enclosures: enclosures, itunes: itunes))
    #expect(rules.filter { $0 == "CLIENT-NO-ENCLOSURE" }.count == items - enclosures)
    #expect(!result.standardError.contains("note: "), "\(result.standardError)")
  }

  /// Hostile input: the scan for the profile reads a document of unclosed start tags once,
  /// rather than once per tag, and the linter then reports it as not well-formed.
  @Test func aDocumentOfUnclosedTagsIsReadOnce() throws {
    let feed = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>"#
      + String(repeating: "<a b='c'", count: 500_000)
    let (result, rules) = try Self.lint(feed)
    #expect(result.status == 1)
    #expect(rules == ["RSS-XML-WELLFORMED"])
  }

  /// The issue's case: an Atom document linted as plain RSS got "0 errors".
  @Test(arguments: [[], ["--profile", "rss"], ["--profile", "podcast"]])
  func anAtomFeedIsAnErrorUnderEveryProfile(arguments: [String]) throws {
    let atom = """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Posts</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated></feed>
      """
    let (result, rules) = try Self.lint(atom, arguments)
    #expect(result.status == 1)
    #expect(rules == ["RSS-ROOT"])
  }
}
