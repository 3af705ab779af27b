@testable import AtomicOutput
import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import PodiumTestSupport
import Publisher
import Testing

/// Every catalogue and publishing rule, each with an input that breaks it. The input that passes
/// them all is the clean fixture (`cleanFixturePassesEveryRule`), and a rule added without a
/// breaking case here fails `everyRuleIsCovered`.
@Suite struct RuleCoverageTests {
  typealias Mutation = @Sendable (CatalogueFixture) throws -> Void
  static let now = Timestamp.parse("2025-01-01T00:00:00Z")!
  static let episode = "episodes/gesprekken/2024-03-14-de-buurt-beslist.md"

  /// Rewrites the fixture's one episode file.
  static func edit(_ change: @escaping @Sendable (String) -> String) -> Mutation {
    { fixture in
      let text = String(decoding: try fixture.folder.read(episode), as: UTF8.self)
      try fixture.folder.write(episode, change(text))
    }
  }

  static func show(_ change: @escaping @Sendable (String) -> String) -> Mutation {
    { fixture in try fixture.folder.write("episodes/gesprekken/show.yaml", change(CatalogueFixture.show)) }
  }

  static func site(_ change: @escaping @Sendable (String) -> String) -> Mutation {
    { fixture in try fixture.folder.write("episodes/podium.yaml", change(CatalogueFixture.site)) }
  }

  static func addGUID(_ guid: String) -> String { "guid: \(guid)" }

  static let cases: [String: Mutation] = [
    "CAT-YAML": edit { $0.replacingOccurrences(of: "title: De buurt beslist", with: "title: [De buurt") },
    "CAT-FRONT-MATTER": edit { String($0.dropFirst(4)) },
    "CAT-UNKNOWN-KEY": edit { $0.replacingOccurrences(of: "title:", with: "titel: x\ntitle:") },
    "CAT-TYPE": edit { $0.replacingOccurrences(of: "title:", with: "season: one\ntitle:") },
    "CAT-REQUIRED": edit { $0.replacingOccurrences(of: "title: De buurt beslist\n", with: "") },
    "CAT-DATE": edit { $0.replacingOccurrences(of: "2024-03-14T09:00:00+01:00", with: "gisteren") },
    "CAT-VALUE": show { $0 + "guid: not-a-uuid\n" },
    "CAT-CONTROL-CHAR": edit { $0 + "\u{1}" },
    "CAT-PATH": edit { $0.replacingOccurrences(of: "url: media/", with: "url: ../../") },
    "CAT-FILE-MISSING": edit { $0.replacingOccurrences(of: "url: media/", with: "url: media/missing-") },
    "CAT-FILENAME": { fixture in
      try FileManager.default.moveItem(
        at: fixture.folder.url.appendingPathComponent(episode),
        to: fixture.folder.url.appendingPathComponent("episodes/gesprekken/de-buurt-beslist.md"))
    },
    "CAT-FILE-SIZE": { fixture in
      let handle = try FileHandle(forWritingTo: fixture.folder.url.appendingPathComponent(episode))
      try handle.truncate(atOffset: 17 * 1024 * 1024)
      try handle.close()
    },
    "CAT-NO-SHOWS": { fixture in try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken")) },
    "CAT-STRAY-FOLDER": { fixture in try fixture.folder.write("episodes/oud/readme.txt", "x") },
    // "été" in Latin-1, as an old tool may write it.
    "CAT-NAME-UTF8": { fixture in
      try fixture.folder.rename(episode, toName: Array("2024-03-14-".utf8) + [0xE9, 0x74, 0xE9] + Array(".md".utf8))
    },
    "CAT-MEDIA-LENGTH": edit { $0.replacingOccurrences(of: "type: audio/mpeg", with: "type: audio/mpeg\n  length: 5") },
    "CAT-NUMBERING": { fixture in
      try fixture.addEpisode(extra: "episode: 1")
      try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "episode: 1")
    },
    "CAT-NUMBERING-GAP": { fixture in
      try fixture.addEpisode(extra: "episode: 1")
      try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "episode: 3")
    },
    "CAT-PLAIN-TEXT": show { $0.replacingOccurrences(of: "description: Gesprekken", with: "description: <b>Gesprekken</b>") },
    "CAT-INVISIBLE-CHAR": edit { $0.replacingOccurrences(of: "title: De buurt", with: "title: De \u{202E}buurt") },
    "CAT-RESERVED-NAME": { fixture in try fixture.folder.write("episodes/feeds.opml/show.yaml", CatalogueFixture.show) },
    "CAT-PLACEHOLDER": site { $0.replacingOccurrences(of: "https://podium.test/", with: "https://www.example.com/") },
    "P20-HTTPS": show { $0 + "link: http://example.org/\n" },
    "CAT-POSTER-LOCAL": { fixture in
      try show { $0.replacingOccurrences(of: "medium: podcast", with: "medium: video") }(fixture)
      try edit { $0.replacingOccurrences(of: "title:", with: "poster: https://media.podium.test/p.jpg\ntitle:") }(fixture)
    },
    "APPLE-GUID-REQUIRED": edit { $0.replacingOccurrences(of: "guid: 6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f\n", with: "") },
    "RSS-GUID-UNIQUE": { fixture in
      try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00")
    },
    "APPLE-ITEM-ENCLOSURE": { fixture in
      try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
      let path = "episodes/gesprekken/2024-03-21-b.md"
      let text = String(decoding: try fixture.folder.read(path), as: UTF8.self)
      try fixture.folder.write(path, text.replacingOccurrences(of: "media/2024-03-21-b.mp3", with: "media/2024-03-14-de-buurt-beslist.mp3"))
    },
    "APPLE-CH-CATEGORY": show { $0.replacingOccurrences(of: "Government", with: "Politics") },
    "APPLE-CH-LANGUAGE": show { $0 + "language: Dutch\n" },
    "APPLE-CH-DESC": show { $0.replacingOccurrences(of: "description: Gesprekken", with: "description: \(String(repeating: "é", count: 2100))") },
    "APPLE-ITEM-DESC": edit { $0.replacingOccurrences(of: "title:", with: "summary: \(String(repeating: "a", count: 4001))\ntitle:") },
    "APPLE-TEXT-255": edit { $0.replacingOccurrences(of: "title: De buurt beslist", with: "title: \(String(repeating: "x", count: 256))") },
    "APPLE-ENC-FORMATS": edit { $0.replacingOccurrences(of: "type: audio/mpeg", with: "type: audio/wav") },
    "APPLE-ITEM-EPISODE": { fixture in
      try fixture.folder.write(
        "episodes/gesprekken/show.yaml", CatalogueFixture.show.replacingOccurrences(of: "type: episodic", with: "type: serial"))
      try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    },
    "P20-PERSON": show { $0.replacingOccurrences(of: "role: host", with: "role: boss") },
    "P20-LICENSE": show { $0.replacingOccurrences(of: "license: CC-BY-4.0", with: "license: free") },
    "P20-CHAP-ORDER": edit { $0.replacingOccurrences(of: "title:", with: "chapters:\n  - start: 90\n    title: Te laat\ntitle:") },
    "P20-CHAP-TITLE": edit { $0.replacingOccurrences(of: "title:", with: "chapters:\n  - start: 0\n    title: \"\"\ntitle:") },
    "P20-LEN-128": show { $0.replacingOccurrences(of: "text: Steun ons", with: "text: \(String(repeating: "s", count: 129))") },
    "CAT-RULE-SETTING": site { $0 + "rules:\n  NO-SUCH-RULE:\n    severity: off\n    reason: test\n" },
    // A soundbite that ends half a second after the fixture's MP3, within its rounded itunes:duration of 60.
    "CAT-SOUNDBITE": edit { $0.replacingOccurrences(of: "title:", with: "soundbites:\n  - start: 40\n    duration: 20.6\ntitle:") },
    "CAT-MEDIA-DURATION": edit { $0.replacingOccurrences(of: "duration: 60", with: "duration: 90") },
    // A WAV file named .mp3, declared as MP3: only the file itself tells (a type that doesn't fit
    // the name is the feed rules' APPLE-ENC-FORMATS).
    "CAT-MEDIA-TYPE": { fixture in
      try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.wav(seconds: 60))
    },
    "CAT-MEDIA-FORMAT": { fixture in
      try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.jpeg(width: 8, height: 8))
    },
    "APPLE-IMG-SIZE": { fixture in try fixture.folder.write("episodes/gesprekken/artwork.jpg", SampleMedia.jpeg(width: 600, height: 600)) },
    "APPLE-IMG-FORMAT": { fixture in try fixture.folder.write("episodes/gesprekken/artwork.jpg", SampleMedia.mp3(seconds: 1)) },
    "APPLE-IMG-FILESIZE": { fixture in
      try fixture.folder.write("episodes/gesprekken/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400, padding: 600_000))
    },
    "RSS-ITEM-HTML-SAFE": edit { $0 + "\n<script>alert(1)</script>\n" },
    "PUB-RECORD": { fixture in try fixture.folder.write("feeds/.podium/published.json", "{ broken") },
    "P20-GUID-STABLE": { fixture in
      try fixture.folder.write("feeds/.podium/published.json", """
        {"shows": {"gesprekken": {"episodes": {}, "feedURL": "x", "podcastGUID": "0f60cfc9-6144-593e-970b-47171217ab0c"}}, "version": 1}
        """)
      try fixture.folder.write("episodes/gesprekken/show.yaml", CatalogueFixture.show + "guid: 11111111-2222-5333-8444-555555555555\n")
    },
    "PUB-GUID-CHANGED": { fixture in
      try fixture.folder.write("feeds/.podium/published.json", record(guid: "old-guid", file: "gesprekken/2024-03-14-de-buurt-beslist.md",
        enclosure: "https://media.podium.test/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"))
    },
    "PUB-REMOVED": { fixture in
      try fixture.folder.write("feeds/.podium/published.json", record(guid: "gone", file: "gesprekken/2023-01-01-weg.md", enclosure: "x"))
    },
    "PUB-ENCLOSURE-CHANGED": { fixture in
      try fixture.folder.write("feeds/.podium/published.json", record(guid: "6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f",
        file: "gesprekken/2024-03-14-de-buurt-beslist.md", enclosure: "https://old.example.org/a.mp3"))
    },
    "PUB-RECORD-REBUILT": { fixture in
      _ = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).build()
      try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(".podium/published.json"))
    },
    "PUB-FIRST-BUILD": { _ in },
    // A build killed after it swapped its new show folder in, before the rest: its journal stays.
    "PUB-OUTPUT-REPAIRED": { fixture in
      _ = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).build()
      var commit = DirectoryCommit(directory: fixture.output)
      commit.undoesFailedCommit = false
      commit.willCommit = { name in if name == "feeds.opml" { throw CocoaError(.fileWriteUnknown) } }
      var staging = try commit.startStaging()
      var tree = OutputTree()
      try tree.add("gesprekken/feed.xml", Data("<rss/>".utf8))
      try tree.add("feeds.opml", Data("<opml/>".utf8))
      try staging.write(tree)
      #expect(throws: (any Error).self) { try staging.staged.commit(keeping: []) }
    },
    "PUB-CACHE": { fixture in try fixture.folder.write(".feeds.podium-cache/build.json", "{") },
    "PUB-FEED-MOVED": { fixture in
      try fixture.folder.write("feeds/.podium/published.json", record(guid: "6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f",
        file: "gesprekken/2024-03-14-de-buurt-beslist.md", enclosure: "https://media.podium.test/gesprekken/media/2024-03-14-de-buurt-beslist.mp3")
        .replacingOccurrences(of: "https://feeds.podium.test/gesprekken/feed.xml", with: "https://old.podium.test/gesprekken/feed.xml"))
    },
    "PUB-OUTPUT-PLACE": { fixture in
      try FileManager.default.createSymbolicLink(atPath: fixture.output.path, withDestinationPath: "episodes")
    },
    // A transcript saved as Latin-1 ("é" as one byte): no form Podium writes from it would read right.
    "PROBE-CAPTIONS": { fixture in
      try fixture.folder.write(
        "episodes/gesprekken/transcripts/t.srt", Data("1\n00:00:00,000 --> 00:00:01,000\nCaf".utf8 + [0xE9, 0x0A]))
      try edit { $0.replacingOccurrences(of: "title:", with: "transcripts:\n  - file: transcripts/t.srt\ntitle:") }(fixture)
    },
    "PUB-OUTPUT-FOREIGN": { fixture in try fixture.folder.write("feeds/notes.txt", "mine") },
    // Two different transcript files that would be published at the same URL.
    "PUB-OUTPUT": { fixture in
      try fixture.folder.write("episodes/gesprekken/a/t.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nA\n")
      try fixture.folder.write("episodes/gesprekken/b/t.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nB\n")
      try fixture.addEpisode(extra: "episode: 1\ntranscripts:\n  - file: a/t.vtt")
      try fixture.addEpisode(
        "2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "episode: 2\ntranscripts:\n  - file: b/t.vtt")
    },
  ]

  static func record(guid: String, file: String, enclosure: String) -> String {
    """
    {"shows": {"gesprekken": {"episodes": {"\(guid)": {"date": "2024-03-14T09:00:00+01:00", "enclosure": "\(enclosure)", \
    "file": "\(file)"}}, "feedURL": "https://feeds.podium.test/gesprekken/feed.xml", \
    "podcastGUID": "0f60cfc9-6144-593e-970b-47171217ab0c"}}, "version": 1}
    """
  }

  static func fixture() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "episode: 1")
    return fixture
  }

  static func findings(_ fixture: CatalogueFixture) -> [Finding] {
    Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).validate().findings
  }

  @Test func cleanFixturePassesEveryRule() throws {
    #expect(Self.findings(try Self.fixture()) == [])
  }

  @Test(arguments: cases.keys.sorted())
  func breakingInputIsReported(rule: String) throws {
    let fixture = try CatalogueFixture()
    if !["CAT-NUMBERING", "CAT-NUMBERING-GAP", "PUB-OUTPUT"].contains(rule) { try fixture.addEpisode(extra: "episode: 1") }
    let mutation = try #require(Self.cases[rule])
    try mutation(fixture)
    // A build, not only a validation: some rules are about the output folder.
    var publisher = Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: Self.now))
    publisher.cache = BuildCache(folder: fixture.folder.url.appendingPathComponent(".feeds.podium-cache"), podiumIdentity: "test")
    let findings = try publisher.build().findings
    #expect(findings.contains { $0.ruleID == rule }, "\(rule) not reported; got \(findings.map(\.ruleID))")
  }

  @Test func everyRuleIsCovered() {
    let ids = Set((CatalogueRules.all + PublishRules.all).map(\.id))
    #expect(ids.subtracting(Self.cases.keys).sorted() == [])
  }
}
