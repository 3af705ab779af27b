import Catalogue
import Diagnostics
import FeedRules
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// Each rule has one implementation: one mistake in a catalogue is one finding of `podium validate`,
/// at the catalogue file and line, with the rule id `podium lint` gives the same mistake in a feed
/// Podium built (and, where the feed rules found it, lint's wording).
@Suite struct OneFindingPerMistakeTests {
  static let now = ["--now", "2025-01-01T00:00:00Z"]
  static let first = "gesprekken/2024-03-14-de-buurt-beslist.md"
  static let second = "gesprekken/2024-03-21-tweede.md"
  static let secondGUID = "0d9f4a52-7c1e-4b7a-9a43-3f1c2e5b8d60"

  struct Mistake: Sendable, CustomTestStringConvertible {
    let name: String
    let rule: String
    /// Changes the clean two-episode catalogue.
    let catalogue: @Sendable (CatalogueFixture) throws -> Void
    /// Makes the same mistake in the feed built from the clean catalogue.
    let feed: @Sendable (String) -> String
    /// The catalogue file the finding names, and the text on the line it names.
    let file: String
    let line: String
    /// Whether the finding comes from the feed rules, and so has `lint`'s wording.
    var fromFeed = true
    /// The other episode's file, which validate names where lint names a line of the feed.
    var other: String? = nil

    var testDescription: String { "\(rule): \(name)" }
  }

  /// Replaces the first `old` in a file of the catalogue.
  static func change(_ path: String, _ old: String, _ new: String) -> @Sendable (CatalogueFixture) throws -> Void {
    { fixture in
      let text = String(decoding: try fixture.folder.read("episodes/\(path)"), as: UTF8.self)
      precondition(text.contains(old), "\(path) has no '\(old)'")
      try fixture.folder.write("episodes/\(path)", text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
    }
  }

  static func feed(_ old: String, _ new: String) -> @Sendable (String) -> String {
    { text in
      precondition(text.contains(old), "the feed has no '\(old)'")
      return text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
    }
  }

  static let show = "gesprekken/show.yaml"
  static let longTitle = String(repeating: "x", count: 300)

  static let mistakes: [Mistake] = [
    Mistake(
      name: "a 300-character title", rule: "APPLE-TEXT-255",
      catalogue: change(first, "title: De buurt beslist", "title: \(longTitle)"),
      feed: feed("<title>De buurt beslist</title>", "<title>\(longTitle)</title>"), file: first, line: "title:"),
    Mistake(
      name: "a title ending in a space", rule: "APPLE-TEXT-SPACE",
      catalogue: change(first, "title: De buurt beslist", "title: 'De buurt beslist '"),
      feed: feed("<title>De buurt beslist</title>", "<title>De buurt beslist </title>"), file: first, line: "title:"),
    Mistake(
      name: "an http:// URL", rule: "P20-HTTPS",
      catalogue: change(show, "url: https://podium.test/steun", "url: http://podium.test/steun"),
      feed: feed("url=\"https://podium.test/steun\"", "url=\"http://podium.test/steun\""), file: show,
      line: "url: http://", fromFeed: false),
    Mistake(
      name: "a misspelt category", rule: "APPLE-CH-CATEGORY",
      catalogue: change(show, "- Government", "- Goverment"),
      feed: feed("text=\"Government\"", "text=\"Goverment\""), file: show, line: "categories:"),
    Mistake(
      name: "a bad language tag in show.yaml", rule: "APPLE-CH-LANGUAGE",
      catalogue: change(show, "locked: true", "locked: true\nlanguage: Dutch"),
      feed: feed("<language>nl-BE</language>", "<language>Dutch</language>"), file: show, line: "language:"),
    Mistake(
      name: "a bad language tag in podium.yaml", rule: "APPLE-CH-LANGUAGE",
      catalogue: change("podium.yaml", "language: nl-BE", "language: Dutch"),
      feed: feed("<language>nl-BE</language>", "<language>Dutch</language>"), file: "podium.yaml", line: "language:"),
    Mistake(
      name: "a duplicate GUID", rule: "RSS-GUID-UNIQUE",
      catalogue: change(second, "guid: \(secondGUID)", "guid: 6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f"),
      feed: feed(">\(secondGUID)<", ">6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f<"), file: first, line: "guid:",
      other: second),
    Mistake(
      name: "a missing GUID", rule: "APPLE-GUID-REQUIRED",
      catalogue: change(second, "guid: \(secondGUID)\n", ""),
      feed: feed(">\(secondGUID)<", "><"), file: second, line: "title:", fromFeed: false),
    Mistake(
      name: "two episodes with one media file", rule: "APPLE-ITEM-ENCLOSURE",
      catalogue: change(second, "url: media/2024-03-21-tweede.mp3", "url: media/2024-03-14-de-buurt-beslist.mp3"),
      feed: feed("media/2024-03-21-tweede.mp3", "media/2024-03-14-de-buurt-beslist.mp3"), file: first, line: "url:",
      other: second),
    Mistake(
      name: "a wrong show type", rule: "APPLE-CH-TYPE",
      catalogue: change(show, "type: episodic", "type: weekly"),
      feed: feed("<itunes:type>episodic<", "<itunes:type>weekly<"), file: show, line: "type:", fromFeed: false),
    Mistake(
      name: "explicit neither true nor false", rule: "APPLE-CH-EXPLICIT",
      catalogue: change(show, "explicit: false", "explicit: maybe"),
      feed: feed("<itunes:explicit>false<", "<itunes:explicit>maybe<"), file: show, line: "explicit:", fromFeed: false),
    Mistake(
      name: "a wrong episode type", rule: "APPLE-ITEM-EPTYPE",
      catalogue: change(first, "episode: 1", "episode: 1\nepisode_type: long"),
      feed: feed("<itunes:episodeType>full<", "<itunes:episodeType>long<"), file: first, line: "episode_type:",
      fromFeed: false),
    Mistake(
      name: "a show without a description", rule: "APPLE-CH-DESC",
      catalogue: change(show, "description: Gesprekken over hoe burgers de samenleving mee vormgeven.\n", ""),
      feed: feed("<description>Gesprekken over hoe burgers de samenleving mee vormgeven.</description>", "<description/>"),
      file: show, line: "title:"),
    Mistake(
      name: "an enclosure format Apple doesn't play", rule: "APPLE-ENC-FORMATS",
      catalogue: { fixture in
        try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.wav", SampleMedia.wav(seconds: 60))
        try change(first, "url: media/2024-03-14-de-buurt-beslist.mp3", "url: media/2024-03-14-de-buurt-beslist.wav")(fixture)
        try change(first, "type: audio/mpeg", "type: audio/wav")(fixture)
      },
      feed: { text in
        feed("2024-03-14-de-buurt-beslist.mp3\" length=\"", "2024-03-14-de-buurt-beslist.wav\" length=\"")(text)
          .replacingOccurrences(of: "type=\"audio/mpeg\"", with: "type=\"audio/wav\"")
      },
      file: first, line: "url:"),
    Mistake(
      name: "a show description over 4000 bytes", rule: "APPLE-CH-DESC",
      catalogue: change(show, "description: Gesprekken", "description: \(String(repeating: "é", count: 2100))"),
      feed: feed("<description>Gesprekken", "<description>\(String(repeating: "é", count: 2100))"), file: show,
      line: "description:"),
    Mistake(
      name: "an episode summary over 4000 bytes", rule: "APPLE-ITEM-DESC",
      catalogue: change(first, "episode: 1", "episode: 1\nsummary: \(String(repeating: "a", count: 4001))"),
      feed: { text in
        // The first episode's description, its notes, becomes the summary.
        let start = text.range(of: "<description><![CDATA[<p>Hoe een")!
        let end = text.range(of: "]]></description>", range: start.upperBound..<text.endIndex)!
        return text.replacingCharacters(
          in: start.lowerBound..<end.upperBound, with: "<description>\(String(repeating: "a", count: 4001))</description>")
      },
      file: first, line: "summary:"),
    Mistake(
      name: "a serial show's episode without a number", rule: "APPLE-ITEM-EPISODE",
      catalogue: { fixture in
        try change(show, "type: episodic", "type: serial")(fixture)
        try change(second, "episode: 2\n", "")(fixture)
      },
      feed: { text in
        feed("<itunes:type>episodic<", "<itunes:type>serial<")(text)
          .replacingOccurrences(of: "<itunes:episode>2</itunes:episode>", with: "")
      },
      file: second, line: "---"),
    Mistake(
      name: "an episode number of 0", rule: "APPLE-ITEM-EPISODE",
      catalogue: change(second, "episode: 2", "episode: 0"),
      feed: feed("<itunes:episode>2<", "<itunes:episode>0<"), file: second, line: "episode:", fromFeed: false),
    Mistake(
      name: "a media type that isn't the file's", rule: "APPLE-ENC-FORMATS",
      catalogue: change(first, "type: audio/mpeg", "type: audio/wav"),
      feed: feed("type=\"audio/mpeg\"", "type=\"audio/wav\""), file: first, line: "url:"),
    Mistake(
      name: "artwork that isn't an image", rule: "APPLE-IMG-FORMAT",
      catalogue: { fixture in try fixture.folder.write("episodes/gesprekken/artwork.jpg", SampleMedia.mp3(seconds: 1)) },
      feed: { $0.replacingOccurrences(of: "artwork.jpg", with: "artwork.gif") }, file: show, line: "artwork:",
      fromFeed: false),
    Mistake(
      name: "a person's role outside the taxonomy", rule: "P20-PERSON",
      catalogue: change(show, "role: host", "role: boss"),
      feed: feed("role=\"host\"", "role=\"boss\""), file: show, line: "persons:"),
    Mistake(
      name: "a person's name over 128 characters", rule: "P20-LEN-128",
      catalogue: change(show, "name: An Peeters", "name: \(String(repeating: "n", count: 129))"),
      feed: feed(">An Peeters<", ">\(String(repeating: "n", count: 129))<"), file: show, line: "persons:"),
    Mistake(
      name: "a funding text over 128 characters", rule: "P20-LEN-128",
      catalogue: change(show, "text: Steun ons", "text: \(String(repeating: "s", count: 129))"),
      feed: feed(">Steun ons<", ">\(String(repeating: "s", count: 129))<"), file: show, line: "funding:"),
    Mistake(
      name: "a script in the show notes", rule: "RSS-ITEM-HTML-SAFE",
      catalogue: { fixture in
        let path = "episodes/\(first)"
        let text = String(decoding: try fixture.folder.read(path), as: UTF8.self)
        try fixture.folder.write(path, text + "\n<script>alert(1)</script>\n")
      },
      feed: feed("]]></content:encoded>", "<script>alert(1)</script>]]></content:encoded>"), file: first,
      line: "Hoe een", fromFeed: false),
  ]

  /// The clean catalogue: two episodes, so that one episode refused still leaves a feed.
  static func fixture() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "episode: 1")
    try fixture.addEpisode(
      "2024-03-21-tweede", title: "Tweede", date: "2024-03-21T09:00:00+01:00", guid: secondGUID, extra: "episode: 2")
    return fixture
  }

  static func findings(_ output: PodiumProcess.Output) throws -> [JSONValue] {
    try #require(try JSONValue(parsing: Data(output.standardOutput.utf8)).array, "\(output.standardError)")
  }

  /// lint's and validate's wording, but for how another item is named: lint by its feed line,
  /// validate by its episode file and line.
  static func sameWording(_ lint: String, _ validate: String) -> Bool {
    let other = /the item at line \d+|the episode at [^\s,;]+:\d+/
    return lint.replacing(other, with: "…") == validate.replacing(other, with: "…")
  }

  @Test func theCleanCatalogueHasNoFindings() throws {
    let fixture = try Self.fixture()
    let validate = try PodiumProcess.run(["validate", "--format", "json"] + Self.now, in: fixture.folder.url)
    #expect(try Self.findings(validate) == [])
  }

  @Test(arguments: mistakes)
  func oneMistakeIsOneFinding(_ mistake: Mistake) throws {
    let fixture = try Self.fixture()
    let build = try PodiumProcess.run(["build"] + Self.now, in: fixture.folder.url)
    try #require(build.status == 0, "\(build.standardOutput)\(build.standardError)")
    let built = String(decoding: try fixture.folder.read("feeds/gesprekken/feed.xml"), as: UTF8.self)
    try fixture.folder.write("broken.xml", mistake.feed(built))
    let lint = try Self.findings(PodiumProcess.run(["lint", "broken.xml", "--format", "json"], in: fixture.folder.url))
    let linted = lint.filter { $0["ruleID"]?.string == mistake.rule }
    #expect(!linted.isEmpty, "lint reports \(lint.compactMap { $0["ruleID"]?.string }), not \(mistake.rule)")

    try FileManager.default.removeItem(at: fixture.output)
    try mistake.catalogue(fixture)
    let validate = try Self.findings(
      PodiumProcess.run(["validate", "--format", "json"] + Self.now, in: fixture.folder.url))
    #expect(validate.count == 1, "\(validate)")
    let finding = try #require(validate.first)
    #expect(finding["ruleID"]?.string == mistake.rule, "\(finding)")
    #expect(finding["file"]?.string == mistake.file, "\(finding)")
    let text = String(decoding: try fixture.folder.read("episodes/\(mistake.file)"), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(finding["line"]?.int)
    #expect(lines.indices.contains(line - 1) && lines[line - 1].contains(mistake.line), "line \(line): \(finding)")
    if mistake.fromFeed {
      let message = finding["message"]?.string ?? ""
      #expect(
        linted.contains { Self.sameWording($0["message"]?.string ?? "", message) }, "lint says \(linted), validate \(finding)")
    }
    if let other = mistake.other {
      // Never a line of a feed validate didn't write: the episode file the author edits.
      let message = finding["message"]?.string ?? ""
      #expect(message.contains("the episode at \(other):") && !message.contains("the item at line"), "\(finding)")
    }
  }

  /// The category check is the feed rule's now, and still says what was meant, as the catalogue did.
  @Test(arguments: [("Society and Culture > Documentary", "Society & Culture"), ("Goverment", "Government")])
  func aMisspeltCategoryGetsASuggestion(written: String, meant: String) throws {
    let fixture = try Self.fixture()
    try Self.change(Self.show, "- Government", "- \(written)")(fixture)
    let validate = try Self.findings(
      PodiumProcess.run(["validate", "--format", "json"] + Self.now, in: fixture.folder.url))
    #expect(validate.count == 1)
    #expect(validate.first?["message"]?.string?.contains("did you mean '\(meant)'?") == true, "\(validate)")
  }

  /// Every rule id validate reported before rules had one implementation is still reported for its
  /// mistake: the ids of the table above, and the catalogue's own.
  @Test func noRuleDisappeared() {
    let before = [
      "P20-HTTPS", "APPLE-GUID-REQUIRED", "RSS-GUID-UNIQUE", "APPLE-ITEM-ENCLOSURE", "APPLE-CH-CATEGORY",
      "APPLE-CH-LANGUAGE", "APPLE-CH-DESC", "APPLE-ITEM-DESC", "APPLE-TEXT-255", "APPLE-ENC-FORMATS",
      "APPLE-ITEM-EPISODE", "P20-PERSON", "P20-LEN-128", "APPLE-IMG-FORMAT", "RSS-ITEM-HTML-SAFE",
    ]
    #expect(Set(before).subtracting(Self.mistakes.map(\.rule)).sorted() == [])
  }

  /// A rule another module reports too is declared by the feed rules, with the same severity.
  @Test(arguments: CatalogueRules.sharedWithFeed + PublishRules.sharedWithFeed)
  func aSharedRuleIsTheFeedRule(_ rule: Rule) throws {
    let feedRule = try #require(FeedLinter.rules.first { $0.id == rule.id }, "\(rule.id) is not a feed rule")
    #expect(rule.severity == feedRule.severity)
    #expect(!(CatalogueRules.all + PublishRules.all).contains { $0.id == rule.id })
  }
}
