import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

@Suite struct CatalogueLoaderTests {
  @Test func loadsAValidCatalogue() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "season: 1\nepisode: 1\nthemes: [democratie]\nchapters:\n  - start: 0\n    title: Begin\n  - start: \"0:30\"\n    title: Midden")
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(result.findings.filter { $0.severity >= .warning } == [])
    let show = try #require(result.catalogue?.shows.first)
    #expect(show.slug == "gesprekken")
    #expect(show.categories == [Category(name: "Society & Culture", subcategory: "Documentary"), Category(name: "Government")])
    #expect(show.license == License(name: "CC-BY-4.0"))
    let episode = try #require(show.episodes.first)
    #expect(episode.slug == "de-buurt-beslist")
    #expect(episode.media?.length == Int64(SampleMedia.mp3(seconds: 60).count))
    #expect(episode.media?.probe?.container == .mp3)
    #expect(episode.media?.reference == .local(path: "media/2024-03-14-de-buurt-beslist.mp3"))
    #expect(episode.date.rfc2822 == "Thu, 14 Mar 2024 09:00:00 +0100")
    #expect(episode.chapters.map(\.start) == [0, 30])
    #expect(try episode.loadNotes().hasPrefix("Hoe een **buurtcomité**"))
    #expect(episode.notesLine == 18)
  }

  /// Each bad front matter, with the rule it must break and the line it must point at.
  @Test(arguments: [
    ("title: A\ndate: 2024-03-14T09:00:00+01:00\nguid: x\nseasn: 1\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "CAT-UNKNOWN-KEY", 5, "did you mean 'season'?"),
    ("title: A\ndate: 2024-03-14T09:00:00+01:00\nguid: x\nseason: first\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "CAT-TYPE", 5, "whole number"),
    ("date: 2024-03-14T09:00:00+01:00\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "CAT-REQUIRED", 2, "'title'"),
    ("title: A\ndate: 14/03/2024\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: 60", "CAT-DATE", 3, "2024-03-14T09:00:00+01:00"),
    ("title: A\ndate: 2024-03-14T09:00:00\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: 60", "CAT-DATE", 3, "zone"),
    ("title: A\ndate: 2024-02-30T09:00:00Z\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: 60", "CAT-DATE", 3, ""),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nmedia:\n  url: media/a.mp3\n  duration: 60", "APPLE-GUID-REQUIRED", 2, "guid:"),
    ("title: [A\ndate: x", "CAT-YAML", 2, "never closed"),
    ("title: A\ntitle: B\ndate: 2024-03-14T09:00:00Z", "CAT-YAML", 2, "appears twice"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nexplicit: yes\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "APPLE-ITEM-EXPLICIT", 5, "true or false"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: ../../etc/passwd\n  duration: 60", "CAT-PATH", 6, "leaves the show folder"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: /etc/passwd\n  duration: 60", "CAT-PATH", 6, ""),
    // A hidden name is never published: a web server reads .htaccess as its settings.
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: 60\ntranscripts:\n  - file: .htaccess",
     "CAT-PATH", 9, "hidden"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: .media/a.mp3\n  duration: 60", "CAT-PATH", 6, "hidden"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: http://example.org/a.mp3\n  length: 5\n  duration: 60",
     "P20-HTTPS", 6, "https"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: media/missing.mp3\n  duration: 60", "CAT-FILE-MISSING", 6, ""),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: media/a.mp3\n  duration: soon", "CAT-TYPE", 7, "duration"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nepisode_type: Full\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "APPLE-ITEM-EPTYPE", 5, "did you mean 'full'?"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nepisode: 0\nmedia:\n  url: media/a.mp3\n  duration: 60",
     "APPLE-ITEM-EPISODE", 5, "above 0"),
    ("title: A\ndate: 2024-03-14T09:00:00Z\nguid: x\nmedia:\n  url: media/a.mp3\n  length: 999\n  duration: 60",
     "CAT-MEDIA-LENGTH", 7, "bytes; write"),
  ] as [(String, String, Int, String)])
  func badFrontMatter(yaml: String, rule: String, line: Int, message: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/media/a.mp3", SampleMedia.mp3(seconds: 60))
    try fixture.writeEpisode("2024-03-14-a.md", "---\n\(yaml)\n---\nNotes\n")
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let finding = try #require(result.findings.first { $0.ruleID == rule }, "\(result.findings)")
    // A feed rule the catalogue reports, because the feed can't carry the value, has its severity.
    #expect(finding.severity == (CatalogueRules.sharedWithFeed.first { $0.id == rule }?.severity ?? .error))
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-a.md", line: line))
    #expect(message.isEmpty || finding.message.contains(message), "\(finding.message)")
  }

  @Test func controlCharactersAreRefusedWithTheirLine() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(notes: "Line one\nLine \u{0B}two\n")
    let finding = try #require(CatalogueLoader(root: fixture.catalogue).load().findings.first)
    #expect(finding.ruleID == "CAT-CONTROL-CHAR")
    #expect(finding.location?.line == 12)
    #expect(finding.message.contains("U+000B"))
  }

  @Test func symlinkOutsideTheCatalogueIsRefused() throws {
    let fixture = try CatalogueFixture()
    let outside = try TemporaryFolder()
    let secret = try outside.write("secret.mp3", "not yours")
    try FileManager.default.createDirectory(
      at: fixture.catalogue.appendingPathComponent("gesprekken/media"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: fixture.catalogue.appendingPathComponent("gesprekken/media/link.mp3"), withDestinationURL: secret)
    try fixture.writeEpisode("2024-03-14-a.md", """
      ---
      title: A
      date: 2024-03-14T09:00:00Z
      guid: x
      media:
        url: media/link.mp3
        duration: 60
      ---
      """)
    let finding = try #require(CatalogueLoader(root: fixture.catalogue).load().findings.first { $0.ruleID == "CAT-PATH" })
    #expect(finding.message.contains("symbolic link"))
    #expect(finding.location?.line == 6)
  }

  /// Two shows' episodes with one GUID are in two feeds, where no feed rule sees both: the
  /// catalogue reports them. Two of one show are two items of its feed, for the feed rules.
  @Test func duplicateGUIDsAcrossTheCatalogue() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "same")
    try fixture.folder.write("episodes/andere/show.yaml", CatalogueFixture.show)
    try fixture.folder.write("episodes/andere/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400))
    try fixture.folder.write("episodes/andere/media/b.mp3", SampleMedia.mp3(seconds: 60))
    try fixture.folder.write("episodes/andere/2024-03-21-b.md", """
      ---
      title: B
      date: 2024-03-21T09:00:00+01:00
      guid: same
      media:
        url: media/b.mp3
        duration: 60
      ---
      """)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID == "RSS-GUID-UNIQUE" }
    #expect(findings.count == 1)
    #expect(findings.first?.location == SourceLocation(file: "gesprekken/2024-03-14-a.md", line: 4))
  }

  @Test func duplicateGUIDsWithinAShowAreTheFeedRules() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "same")
    try fixture.addEpisode("2024-03-21-b", title: "B", date: "2024-03-21T09:00:00+01:00", guid: "same")
    #expect(CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID == "RSS-GUID-UNIQUE" } == [])
  }

  @Test func showErrorsPointAtShowYAML() throws {
    let fixture = try CatalogueFixture(show: """
      title: X
      description: Y
      categories: [Society and Culture > Documentary, Technology > Podcasting]
      artwork: artwork.jpg
      languag: nl

      """)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    // Categories are the feed rules' to check (APPLE-CH-CATEGORY), in the feed as written.
    #expect(findings.filter { $0.ruleID == "APPLE-CH-CATEGORY" } == [])
    let unknown = try #require(findings.first { $0.ruleID == "CAT-UNKNOWN-KEY" })
    #expect(unknown.location == SourceLocation(file: "gesprekken/show.yaml", line: 5))
    #expect(unknown.message.contains("did you mean 'language'?"))
  }

  /// A name that isn't UTF-8 is an error, not a skip: it may be a show or an episode. The
  /// finding shows the name's text, with each byte that isn't part of it as `\xFF`.
  @Test(arguments: [
    ([0x67, 0xFF], #"g\xFF"#),
    (Array("caf".utf8) + [0xE9], #"caf\xE9"#),  // Latin-1
    (Array("café-".utf8) + [0xE2, 0x82], #"café-\xE2\x82"#),  // cut short
    ([0x61, 0xC0, 0xAF], #"a\xC0\xAF"#),  // overlong
    ([0x61, 0xED, 0xA0, 0x80], #"a\xED\xA0\x80"#),  // a surrogate
    ([0x61, 0x0A, 0xFF], #"a\x0A\xFF"#),  // a line break is shown, not printed
  ])
  func aNameThatIsNotUTF8IsAnError(name: [UInt8], shown: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    try fixture.folder.rename("episodes/gesprekken/2024-03-21-b.md", toName: name + Array(".md".utf8))
    try FileManager.default.createDirectory(at: fixture.catalogue.appendingPathComponent("nieuws"), withIntermediateDirectories: false)
    try fixture.folder.rename("episodes/nieuws", toName: name)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.map(\.ruleID) == ["CAT-NAME-UTF8", "CAT-NAME-UTF8"], "\(result.findings)")
    #expect(Set(errors.compactMap(\.location?.file)) == [shown, "gesprekken/\(shown).md"])
    #expect(result.gaps.unreadableNames == [shown, "gesprekken/\(shown).md"])
    #expect(result.catalogue?.shows.map(\.slug) == ["gesprekken"])
    #expect(result.catalogue?.shows.first?.episodes.map(\.guid) == ["a"])
  }

  /// A catalogue that isn't where Podium looks, or a show folder given as the catalogue, is said
  /// as such, with what to do, not as a file that can't be read.
  @Test(arguments: [("nergens", "there is no catalogue folder"), ("gesprekken", "has no podium.yaml")])
  func aMissingCatalogueSaysWhereItLooked(folder: String, says: String) throws {
    let fixture = try CatalogueFixture()
    let root = folder == "nergens" ? fixture.folder.url.appendingPathComponent(folder) : fixture.catalogue.appendingPathComponent(folder)
    let result = CatalogueLoader(root: root).load()
    #expect(result.catalogue == nil)
    let finding = try #require(result.findings.first)
    #expect(result.findings.count == 1)
    #expect(finding.ruleID == "CAT-FILE-MISSING")
    #expect(finding.message.contains(root.standardizedFileURL.path) && finding.message.contains(says), "\(finding.message)")
    #expect(finding.message.contains("--catalogue") && finding.message.contains("podium init"))
  }

  /// The loader says what is there but failed to load, and which folders are not shows: a
  /// build tells a mistake from a removal by it.
  @Test func whatFailsToLoadIsInTheGaps() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.writeEpisode("2024-03-21-b.md", "---\ntitle: B\ndate: gisteren\n---\n")
    try fixture.folder.write("episodes/kapot/show.yaml", "title: [X\n")
    try fixture.folder.write("episodes/_oud/show.yaml", CatalogueFixture.show)
    try fixture.folder.write("episodes/leeg/notes.txt", "x")
    try fixture.folder.write("episodes/.git/config", "x")
    let gaps = CatalogueLoader(root: fixture.catalogue).load().gaps
    #expect(gaps.unloaded == ["gesprekken/2024-03-21-b.md", "kapot"])
    #expect(gaps.otherFolders == ["_oud", "leeg"])
    #expect(gaps.unreadableNames == [])
    #expect(gaps.mayHold(episodeFile: "gesprekken/2024-03-21-b.md"))
    #expect(!gaps.mayHold(episodeFile: "gesprekken/2024-03-28-c.md"))
    #expect(gaps.mayHold(show: "kapot"))
    #expect(!gaps.mayHold(show: "oud"))
  }

  @Test func missingSiteFileIsAFinding() throws {
    let folder = try TemporaryFolder()
    let result = CatalogueLoader(root: folder.url).load()
    #expect(result.catalogue == nil)
    #expect(result.findings.first?.location?.file == "podium.yaml")
  }

  @Test func statusFollowsDraftAndDate() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "draft: true")
    try fixture.addEpisode("2030-01-01-c", date: "2030-01-01T09:00:00+01:00", guid: "c")
    let show = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first)
    let now = try #require(Timestamp.parse("2025-01-01T00:00:00Z"))
    #expect(show.episodes.map { $0.status(at: now) } == [.published, .draft, .scheduled])
  }
}

@Suite struct NumberingTests {
  @Test func gapsAndDuplicatesInASeason() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-01-a", guid: "a", extra: "season: 1\nepisode: 1")
    try fixture.addEpisode("2024-03-08-b", date: "2024-03-08T09:00:00+01:00", guid: "b", extra: "season: 1\nepisode: 4")
    try fixture.addEpisode("2024-03-15-c", date: "2024-03-15T09:00:00+01:00", guid: "c", extra: "season: 1\nepisode: 4")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let gap = try #require(findings.first { $0.ruleID == "CAT-NUMBERING-GAP" })
    #expect(gap.message.contains("season 1 skips episodes 2–3"))
    #expect(findings.contains { $0.ruleID == "CAT-NUMBERING" && $0.message.contains("episode 4 is also") })
  }

  @Test func consecutiveNumbersPass() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-01-a", guid: "a", extra: "season: 1\nepisode: 1")
    try fixture.addEpisode("2024-03-08-b", date: "2024-03-08T09:00:00+01:00", guid: "b", extra: "season: 1\nepisode: 2")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    #expect(!findings.contains { $0.ruleID.hasPrefix("CAT-NUMBERING") })
  }

  /// Hosts that could widen a page's Content-Security-Policy, or add a directive to it, are not hosts.
  @Test(arguments: ["https://*/x.jpg", "https://a.example;script-src/x", "https://a%20b.example/", "https:///x"])
  func urlsWithoutARealHostAreRefused(url: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show + "link: \(url)\n")
    try fixture.addEpisode()
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    #expect(findings.contains { $0.ruleID == "P20-HTTPS" && $0.message.contains("link") }, "\(findings)")
  }
}
