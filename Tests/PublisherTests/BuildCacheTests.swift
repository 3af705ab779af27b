import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// The build cache is an optimisation only: a build that uses it writes the same bytes and says
/// the same as one that doesn't. Each test builds one catalogue into two outputs through the same
/// history of changes, one with a cache and one without, and compares them after every build.
@Suite struct BuildCacheTests {
  /// One catalogue, two outputs: `cached/feeds` (with its cache beside it) and `plain/feeds`.
  struct Twins {
    let folder: TemporaryFolder
    let catalogue: URL
    var now: Timestamp
    var options: (BuildOptions) -> BuildOptions = { $0 }
    var podium = "podium A"

    var cache: BuildCache {
      BuildCache(folder: folder.url.appendingPathComponent("cached/.feeds.podium-cache"), podiumIdentity: podium)
    }

    /// Builds both outputs and expects the same bytes and report; returns whether the cached
    /// build was answered from the cache, and its report.
    @discardableResult
    func build(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (fromCache: Bool, report: BuildReport) {
      var cached = Publisher(
        catalogueURL: catalogue, outputURL: folder.url.appendingPathComponent("cached/feeds"), options: options(BuildOptions(now: now)))
      cached.cache = cache
      let plain = Publisher(
        catalogueURL: catalogue, outputURL: folder.url.appendingPathComponent("plain/feeds"), options: options(BuildOptions(now: now)))
      let withCache = try cached.build()
      let without = try plain.build()
      #expect(
        try TemporaryFolder.snapshot(of: cached.outputURL) == TemporaryFolder.snapshot(of: plain.outputURL),
        sourceLocation: sourceLocation)
      #expect(withCache.findings.filter { $0.ruleID != PublishRules.cache.id } == without.findings, sourceLocation: sourceLocation)
      #expect(withCache.shows == without.shows, sourceLocation: sourceLocation)
      #expect(withCache.nextScheduled == without.nextScheduled, sourceLocation: sourceLocation)
      #expect(withCache.written == without.written, sourceLocation: sourceLocation)
      try validate(sourceLocation: sourceLocation)
      return (withCache.timings.first?.step.hasPrefix("cache") == true, withCache)
    }

    /// Validates both outputs, the cached one with the cache (read only: episode files and whole
    /// shows taken from it), and expects the same findings and summaries; returns the report of
    /// the validation with the cache.
    @discardableResult
    func validate(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildReport {
      var cached = Publisher(
        catalogueURL: catalogue, outputURL: folder.url.appendingPathComponent("cached/feeds"), options: options(BuildOptions(now: now)))
      cached.cache = cache
      let plain = Publisher(
        catalogueURL: catalogue, outputURL: folder.url.appendingPathComponent("plain/feeds"), options: options(BuildOptions(now: now)))
      let before = try TemporaryFolder.snapshot(of: cache.folder)
      let withCache = cached.validate()
      let without = plain.validate()
      #expect(withCache.findings.filter { $0.ruleID != PublishRules.cache.id } == without.findings, sourceLocation: sourceLocation)
      #expect(withCache.shows == without.shows, sourceLocation: sourceLocation)
      #expect(withCache.nextScheduled == without.nextScheduled, sourceLocation: sourceLocation)
      #expect(try TemporaryFolder.snapshot(of: cache.folder) == before, "validate wrote into the cache", sourceLocation: sourceLocation)
      return withCache
    }

    /// After a change: the first build can't use the cache, and once the record has settled
    /// (a build that leaves it as it found it), a build that changes nothing does.
    func buildAfterChange(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
      #expect(try build(sourceLocation: sourceLocation).fromCache == false, "the change was not seen", sourceLocation: sourceLocation)
      try build(sourceLocation: sourceLocation)
      #expect(try build(sourceLocation: sourceLocation).fromCache, "nothing changed, yet the cache was not used", sourceLocation: sourceLocation)
    }
  }

  @Test func aGeneratedCatalogueThroughEditsRenamesDeletionsAndScheduledEpisodes() throws {
    let fixture = try Self.fourEpisodes()
    var twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    let episodes = fixture.catalogue.appendingPathComponent("gesprekken")

    // The first build into an empty output says so; the second rewrites the same record.
    #expect(try twins.build().fromCache == false)
    #expect(try twins.build().fromCache == false)
    #expect(try twins.build().fromCache)
    #expect(try twins.build().fromCache)

    // An edited title, in a file of the same size.
    let first = episodes.appendingPathComponent("2024-03-14-de-buurt-beslist.md")
    try String(contentsOf: first, encoding: .utf8).replacingOccurrences(of: "De buurt beslist", with: "De buurt besluit")
      .write(to: first, atomically: false, encoding: .utf8)
    try twins.buildAfterChange()

    // A renamed episode file.
    try FileManager.default.moveItem(
      at: episodes.appendingPathComponent("2024-04-04-schoolstraat.md"),
      to: episodes.appendingPathComponent("2024-04-04-een-schoolstraat.md"))
    try twins.buildAfterChange()

    // A scheduled episode deleted, then one that was published (which needs --allow-removal).
    try FileManager.default.removeItem(at: episodes.appendingPathComponent("2025-06-01-later.md"))
    try twins.buildAfterChange()
    try FileManager.default.removeItem(at: episodes.appendingPathComponent("2024-04-04-een-schoolstraat.md"))
    twins.options = { var options = $0; options.allowRemoval = true; return options }
    try twins.buildAfterChange()
    twins.options = { $0 }
    try twins.build()

    // A scheduled episode goes live: the same files, a later moment.
    try fixture.addEpisode(
      "2025-06-01-later", title: "Later", date: "2025-06-01T09:00:00+02:00", guid: "7b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    try twins.buildAfterChange()
    twins.now = Timestamp.parse("2025-07-01T00:00:00Z")!
    try twins.buildAfterChange()

    // podium.yaml changed.
    try fixture.folder.write("episodes/podium.yaml", CatalogueFixture.site.replacingOccurrences(of: "© 2024", with: "© 2025"))
    try twins.buildAfterChange()

    // A media file changed, its name and front matter the same.
    try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.mp3(seconds: 61))
    try twins.buildAfterChange()

    // Another Podium: the same catalogue and output, but not its cache.
    twins.podium = "podium B"
    try twins.buildAfterChange()
  }

  /// What the build right after a change took from the per-episode and per-show cache, from its
  /// `--timings` steps: episode files taken and read, shows taken whole, and items copied from
  /// the old feeds of the shows rendered.
  struct Reuse: Equatable, CustomStringConvertible {
    var taken: Int
    var read: Int
    var shows: Int
    var items: Int

    init(taken: Int, read: Int, shows: Int, items: Int) {
      (self.taken, self.read, self.shows, self.items) = (taken, read, shows, items)
    }

    init?(_ report: BuildReport) {
      let steps = report.timings.map(\.step)
      guard let load = steps.first(where: { $0.hasPrefix("load catalogue (") }),
        let match = load.firstMatch(of: /\((\d+) episode files from the cache, (\d+) read\)/),
        let render = steps.first(where: { $0.hasPrefix("render notes, write feeds (") }),
        let shows = render.firstMatch(of: /\((\d+) shows from the cache, (\d+) items copied\)/)
      else { return nil }
      self.init(taken: Int(match.1)!, read: Int(match.2)!, shows: Int(shows.1)!, items: Int(shows.2)!)
    }

    var description: String { "\(taken) episode files taken, \(read) read, \(shows) shows taken, \(items) items copied" }
  }

  /// A change to a catalogue of two shows (`gesprekken`: four episodes with local media, one of
  /// them scheduled and one a draft; `verhalen`: two with remote media), and what the build
  /// after it may still take from the cache.
  struct Change: Sendable, CustomTestStringConvertible {
    let name: String
    let expected: Reuse
    let apply: @Sendable (inout Twins, CatalogueFixture) throws -> Void

    var testDescription: String { name }
  }

  static let changes: [Change] = [
    Change(name: "an episode's title edited", expected: Reuse(taken: 5, read: 1, shows: 1, items: 1)) { _, fixture in
      let file = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-14-de-buurt-beslist.md")
      try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "De buurt beslist", with: "De buurt besluit")
        .write(to: file, atomically: false, encoding: .utf8)
    },
    Change(name: "an episode's notes edited", expected: Reuse(taken: 5, read: 1, shows: 1, items: 1)) { _, fixture in
      let file = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-14-de-buurt-beslist.md")
      try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "het plein", with: "<b onclick=\"x()\">de straat</b>")
        .write(to: file, atomically: false, encoding: .utf8)
    },
    // A new media file is a change to the show's folder: its episode files are read again, and
    // their items, unchanged, copied.
    Change(name: "an episode added at the top", expected: Reuse(taken: 2, read: 5, shows: 1, items: 2)) { _, fixture in
      try fixture.addEpisode(
        "2024-12-01-nieuw", title: "Nieuw", date: "2024-12-01T09:00:00+01:00", guid: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")
    },
    Change(name: "an episode added in the middle", expected: Reuse(taken: 2, read: 5, shows: 1, items: 2)) { _, fixture in
      try fixture.addEpisode(
        "2024-03-20-midden", title: "Midden", date: "2024-03-20T09:00:00+01:00", guid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    },
    Change(name: "a published episode deleted", expected: Reuse(taken: 5, read: 0, shows: 0, items: 3)) { twins, fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-schoolstraat.md"))
      twins.options = { var options = $0; options.allowRemoval = true; return options }
    },
    Change(name: "an episode file renamed", expected: Reuse(taken: 5, read: 1, shows: 1, items: 1)) { _, fixture in
      try FileManager.default.moveItem(
        at: fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-schoolstraat.md"),
        to: fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-een-schoolstraat.md"))
    },
    Change(name: "a scheduled episode deleted", expected: Reuse(taken: 5, read: 0, shows: 1, items: 2)) { _, fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/2025-06-01-later.md"))
    },
    // The options are part of every show's key.
    Change(name: "a published episode taken down", expected: Reuse(taken: 5, read: 0, shows: 0, items: 3)) { twins, fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("verhalen/2024-02-01-eerste.md"))
      twins.options = { var options = $0; options.allowRemoval = true; return options }
    },
    Change(name: "a scheduled episode goes live", expected: Reuse(taken: 6, read: 0, shows: 1, items: 2)) { twins, _ in
      twins.now = Timestamp.parse("2025-07-01T00:00:00Z")!
    },
    Change(name: "a new episode in one show", expected: Reuse(taken: 6, read: 1, shows: 1, items: 2)) { _, fixture in
      try fixture.folder.write("episodes/verhalen/2024-03-01-derde.md", BuildCacheTests.remoteEpisode("Derde", day: 3))
    },
    Change(name: "podium.yaml changed", expected: Reuse(taken: 0, read: 6, shows: 0, items: 4)) { _, fixture in
      try fixture.folder.write("episodes/podium.yaml", CatalogueFixture.site.replacingOccurrences(of: "© 2024", with: "© 2025"))
    },
    Change(name: "a show.yaml changed", expected: Reuse(taken: 4, read: 2, shows: 1, items: 2)) { _, fixture in
      try fixture.folder.write(
        "episodes/verhalen/show.yaml", BuildCacheTests.remoteShow.replacingOccurrences(of: "Allemaal politiek", with: "Verhalen"))
    },
    // What an item shows of its show: its items are written again.
    Change(name: "a show's explicit changed", expected: Reuse(taken: 4, read: 2, shows: 1, items: 0)) { _, fixture in
      try fixture.folder.write(
        "episodes/verhalen/show.yaml", BuildCacheTests.remoteShow.replacingOccurrences(of: "explicit: false", with: "explicit: true"))
    },
    Change(name: "a media file changed", expected: Reuse(taken: 2, read: 4, shows: 1, items: 1)) { _, fixture in
      try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.mp3(seconds: 61))
    },
    Change(name: "a new Podium", expected: Reuse(taken: 0, read: 6, shows: 0, items: 0)) { twins, _ in
      twins.podium = "podium B"
    },
  ]

  static let remoteShow = CatalogueFixture.show.replacingOccurrences(of: "artwork.jpg", with: "https://podium.test/art.jpg")

  static func remoteEpisode(_ title: String, day: Int) -> String {
    """
    ---
    title: \(title)
    date: 2024-0\(day)-01T09:00:00+01:00
    guid: 3a9e5c1d-7b2f-4c8e-9d0a-1b2c3d4e5f\(day)\(day)
    media:
      url: https://media.podium.test/verhalen/\(day).mp3
      length: \(1_000_000 + day)
      type: audio/mpeg
      duration: 1800
    ---
    Verhaal \(day).

    """
  }

  /// Each change rebuilds what it touches and takes the rest from the cache (episode files as
  /// read, shows whole), and the output and report are those of a build without a cache; the
  /// build after it is answered by the whole-build cache again.
  @Test(arguments: changes) func aChangeRebuildsOnlyWhatItTouches(_ change: Change) throws {
    let fixture = try Self.fourEpisodes()
    try fixture.folder.write("episodes/verhalen/show.yaml", Self.remoteShow)
    try fixture.folder.write("episodes/verhalen/2024-02-01-eerste.md", Self.remoteEpisode("Eerste", day: 2))
    try fixture.folder.write("episodes/verhalen/2024-01-01-tweede.md", Self.remoteEpisode("Tweede", day: 1))
    var twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    // A file written in the clock tick of a build's walk is not trusted: the builds before the
    // change settle the record and fill the cache with every file.
    try twins.build()
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)

    try change.apply(&twins, fixture)
    // The change is not racy for the build that sees it: it was made a tick before.
    usleep(20_000)
    let (fromCache, report) = try twins.build()
    #expect(!fromCache)
    #expect(Reuse(report) == change.expected)
    try twins.build()
    #expect(try twins.build().fromCache)
    // Once a build has stored them, validate takes every episode file and both shows from the cache.
    let files = change.expected.taken + change.expected.read
    #expect(Reuse(try twins.validate()) == Reuse(taken: files, read: 0, shows: 2, items: 0))
  }

  @Test func aCorruptOrForeignCacheIsIgnoredWithANote() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)

    let state = twins.cache.folder.appendingPathComponent("build.json")
    for garbage in [Data("{\"format\": 1, \"inputs\": 7".utf8), Data([0xff, 0x00, 0x12]), Data("{}".utf8)] {
      try garbage.write(to: state)
      let (fromCache, report) = try twins.build()
      #expect(!fromCache)
      #expect(report.findings.filter { $0.ruleID == PublishRules.cache.id }.map(\.severity) == [.info])
      let (again, next) = try twins.build()
      #expect(again)
      #expect(!next.findings.contains { $0.ruleID == PublishRules.cache.id }, "the note is said once")
    }

    // The files of the per-episode and per-show cache damaged: ignored, said once, and replaced.
    for layer in ["episodes", "shows"] {
      try Data("PODIUM-CACHE-1\n\0 damaged".utf8).write(to: twins.cache.folder.appendingPathComponent("\(layer)/gesprekken"))
      unlink(state.path)
      let (fromCache, report) = try twins.build()
      #expect(!fromCache)
      let notes = report.findings.filter { $0.ruleID == PublishRules.cache.id }
      #expect(notes.count == 1 && notes[0].message.contains("\(layer)/gesprekken"), "\(notes)")
      unlink(state.path)
      #expect(try !twins.build().report.findings.contains { $0.ruleID == PublishRules.cache.id }, "the note is said once")
    }

    // The copy of the publication record damaged: ignored (the record's JSON read), said once, and replaced.
    try Data("PODIUM-CACHE-1\n\0 damaged".utf8).write(to: twins.cache.folder.appendingPathComponent("record"))
    unlink(state.path)
    let notes = try twins.build().report.findings.filter { $0.ruleID == PublishRules.cache.id }
    #expect(notes.count == 1 && notes[0].message.contains("copy of the publication record"), "\(notes)")
    unlink(state.path)
    #expect(try !twins.build().report.findings.contains { $0.ruleID == PublishRules.cache.id }, "the note is said once")

    // A file where the cache folder should be: left alone, and no cache.
    try FileManager.default.removeItem(at: twins.cache.folder)
    try fixture.folder.write("cached/.feeds.podium-cache", "not Podium's")
    for _ in 0..<3 {
      let (fromCache, report) = try twins.build()
      #expect(!fromCache)
      #expect(report.findings.contains { $0.ruleID == PublishRules.cache.id })
    }
    #expect(try fixture.folder.read("cached/.feeds.podium-cache") == Data("not Podium's".utf8))
  }

  /// The episodes' file is read a record at a time: a byte changed in its last record refuses the
  /// whole file with one note, as a damaged file is; a file cut inside its last record keeps the
  /// records before it, with no note.
  @Test func anEpisodeCacheFileDamagedOrCutShortInItsLastRecord() throws {
    let (_, twins) = try Self.warmedUp()
    let file = twins.cache.folder.appendingPathComponent("episodes/gesprekken")
    let state = twins.cache.folder.appendingPathComponent("build.json")
    let stored = try Data(contentsOf: file)

    var damaged = stored
    damaged[damaged.count - 2] ^= 0x01
    try damaged.write(to: file)
    unlink(state.path)
    let notes = try twins.build().report.findings.filter { $0.ruleID == PublishRules.cache.id }
    #expect(notes.count == 1 && notes[0].message.contains("episodes/gesprekken"), "\(notes)")

    try stored.prefix(stored.count - 2).write(to: file)
    unlink(state.path)
    let report = try twins.build().report
    #expect(!report.findings.contains { $0.ruleID == PublishRules.cache.id })
    #expect(report.timings.first?.step.contains("3 episode files from the cache, 1 read") == true, "\(report.timings)")
  }

  /// The record check takes the last record from the cache's copy only while the output's
  /// record has the bytes it was made from: a record edited by hand (a GUID, a media URL, an
  /// entry removed) is read again, and what the check finds of it is the same with the cache.
  @Test(arguments: [
    ("0e6a7d0c-5f0e-4b8e-a1a2-0c0d7e1f2a3b", "0e6a7d0c-5f0e-4b8e-a1a2-0c0d7e1f2a3c"),
    ("https://", "http://"),
    ("2024-04-04", "2023-04-04"),
  ])
  func aRecordEditedByHandIsReadAgain(_ edit: (String, String)) throws {
    let (fixture, twins) = try Self.warmedUp()
    // The first rebuild read the record's JSON and wrote it again unchanged: the copy is kept.
    #expect(FileManager.default.fileExists(atPath: twins.cache.folder.appendingPathComponent("record").path))
    for output in ["cached/feeds", "plain/feeds"] {
      let record = "\(output)/.podium/published.json"
      let text = String(decoding: try fixture.folder.read(record), as: UTF8.self)
      #expect(text.contains(edit.0))
      try fixture.folder.write(record, text.replacingOccurrences(of: edit.0, with: edit.1))
    }
    let (fromCache, report) = try twins.build()
    #expect(!fromCache)
    #expect(report.findings.contains { $0.ruleID.hasPrefix("PUB-") && $0.ruleID != PublishRules.cache.id }, "\(report.findings)")
    try twins.build()
  }

  /// A record laid out by hand but saying the same is written again as Podium writes it, with the
  /// cache as without: the copy stands only for bytes Podium writes, or a later build would link
  /// the hand-made file where one without the cache writes its own.
  @Test func aRecordLaidOutByHandIsWrittenAgainAsPodiumWritesIt() throws {
    let (fixture, twins) = try Self.warmedUp()
    for output in ["cached/feeds", "plain/feeds"] {
      let record = "\(output)/.podium/published.json"
      let text = String(decoding: try fixture.folder.read(record), as: UTF8.self)
      try fixture.folder.write(record, text.replacingOccurrences(of: "\n  ", with: "\n\t"))
    }
    for _ in 0..<3 {
      try twins.build()
      #expect(String(decoding: try fixture.folder.read("cached/feeds/.podium/published.json"), as: UTF8.self).contains("\n  "))
    }
  }

  /// The per-episode cache keeps the files of the catalogue's shows and removes the others: a
  /// show no longer there, and what a stopped build left (a hidden temporary file).
  @Test func theEpisodeFilesOfShowsNoLongerThereAreRemoved() throws {
    let fixture = try Self.fourEpisodes()
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    let episodes = twins.cache.folder.appendingPathComponent("episodes")
    #expect(try FileManager.default.contentsOfDirectory(atPath: episodes.path) == ["gesprekken"])
    for name in ["oude-show", ".gesprekken.123.tmp"] {
      try Data("PODIUM-CACHE-1\n\0".utf8).write(to: episodes.appendingPathComponent(name))
    }
    unlink(twins.cache.folder.appendingPathComponent("build.json").path)
    try fixture.addEpisode("2024-04-01-nieuw", date: "2024-04-01T09:00:00+01:00", guid: "nieuw")
    try twins.build()
    #expect(try FileManager.default.contentsOfDirectory(atPath: episodes.path) == ["gesprekken"])
  }

  @Test func anOutputChangedBehindTheBuildsBackIsRebuilt() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    // The same edit in both outputs, and a file deleted: a build puts back what it writes.
    for output in ["cached/feeds", "plain/feeds"] {
      try fixture.folder.write("\(output)/gesprekken/feed.xml", "<rss/>")
    }
    #expect(try twins.build().fromCache == false)
    for output in ["cached/feeds", "plain/feeds"] {
      try FileManager.default.removeItem(at: fixture.folder.url.appendingPathComponent("\(output)/feeds.opml"))
    }
    try twins.buildAfterChange()
  }

  /// An item copied from the old feed brings what its rendering found (notes the sanitiser cut)
  /// and its chapters and transcripts; what only its files depend on (the show's title in the
  /// chapters, a transcript's text) is made again while the item is copied.
  @Test func itemsAreCopiedWithTheirFilesAndFindings() throws {
    let fixture = try Self.fourEpisodes()
    try fixture.folder.write("episodes/gesprekken/transcripts/buurt.vtt", Self.transcript("Welkom"))
    try fixture.addEpisode(
      extra: """
        transcripts:
          - file: transcripts/buurt.vtt
            language: nl-BE
        chapters:
          - start: 0
            title: Inleiding
          - start: "0:30"
            title: Wat de buurt wil
        """,
      notes: "Hoe een **buurtcomité** <script>alert(1)</script> mee het plein herontwierp.\n")
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    let cut = try twins.build().report.findings.filter { $0.ruleID == PublishRules.notesHTML.id }
    #expect(cut.count == 1)

    // Another episode edited: the item with cut notes, chapters and transcripts is copied.
    let other = fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-schoolstraat.md")
    try String(contentsOf: other, encoding: .utf8).replacingOccurrences(of: "Een schoolstraat", with: "Een speelstraat")
      .write(to: other, atomically: false, encoding: .utf8)
    usleep(20_000)
    var report = try twins.build().report
    #expect(Reuse(report)?.items == 1)
    #expect(report.findings.filter { $0.ruleID == PublishRules.notesHTML.id } == cut)
    try twins.build()

    // The show's title: in the chapters file, not in the items.
    try fixture.folder.write("episodes/gesprekken/show.yaml", CatalogueFixture.show.replacingOccurrences(of: "Allemaal politiek", with: "Buurtpolitiek"))
    usleep(20_000)
    report = try twins.build().report
    #expect(Reuse(report)?.items == 2)
    #expect(try String(decoding: fixture.folder.read("cached/feeds/gesprekken/chapters/2024-03-14-de-buurt-beslist.json"), as: UTF8.self).contains("Buurtpolitiek"))
    try twins.build()

    // The transcript's text: its files are made again, the item copied.
    try fixture.folder.write("episodes/gesprekken/transcripts/buurt.vtt", Self.transcript("Goeiedag"))
    usleep(20_000)
    report = try twins.build().report
    #expect(Reuse(report)?.items == 2)
    #expect(try String(decoding: fixture.folder.read("cached/feeds/gesprekken/transcripts/buurt.vtt"), as: UTF8.self).contains("Goeiedag"))
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  /// A transcript that is another episode's file lies outside the show's context (which leaves
  /// episode files out): the episode naming it is unchanged, yet its transcript is made again
  /// when that file changes, never linked from the old output.
  @Test func aTranscriptInAnotherEpisodeFileIsMadeAgainWhenThatFileChanges() throws {
    let fixture = try Self.fourEpisodes()
    try fixture.addEpisode(
      "2024-02-01-eerder", title: "Eerder gesprek", date: "2024-02-01T09:00:00+01:00",
      guid: "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
      extra: """
        transcripts:
          - file: 2024-04-04-schoolstraat.md
            type: text/plain
            language: nl-BE
        """)
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    let other = fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-schoolstraat.md")
    try String(contentsOf: other, encoding: .utf8).replacingOccurrences(of: "Een schoolstraat", with: "Een speelstraat")
      .write(to: other, atomically: false, encoding: .utf8)
    usleep(20_000)
    try twins.build()
    #expect(
      try String(decoding: fixture.folder.read("cached/feeds/gesprekken/transcripts/2024-04-04-schoolstraat.md"), as: UTF8.self)
        .contains("Een speelstraat"))
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  /// A change to what an item shows of its show or site, not of its episode (``ShowCache``'s
  /// item keys): every item of the show is written again, with the bytes a build without a cache
  /// writes, and the change shows in them.
  struct ItemContextChange: Sendable, CustomTestStringConvertible {
    let name: String
    /// The file changed, and its new text.
    let file: String
    let text: String
    /// What the items of the new feed hold.
    let shown: String
    /// What the builds from the change on allow (a moved feed, changed media URLs).
    var allowing: @Sendable (inout BuildOptions) -> Void = { _ in }

    var testDescription: String { name }
  }

  static let itemContextChanges: [ItemContextChange] = [
    ItemContextChange(
      name: "the site's base URL (transcript and chapters URLs)", file: "podium.yaml",
      text: CatalogueFixture.site.replacingOccurrences(of: "https://feeds.podium.test/", with: "https://feeds.podium.example/"),
      shown: "url=\"https://feeds.podium.example/gesprekken/chapters/", allowing: { $0.allowFeedMove = true }),
    ItemContextChange(
      name: "the site's media base URL (enclosure URLs)", file: "podium.yaml",
      text: CatalogueFixture.site.replacingOccurrences(of: "https://media.podium.test/", with: "https://media.podium.example/"),
      shown: "<enclosure url=\"https://media.podium.example/gesprekken/media/", allowing: { $0.allowEnclosureChange = true }),
    ItemContextChange(
      name: "an analytics prefix (enclosure URLs)", file: "podium.yaml",
      text: CatalogueFixture.site + "analytics_prefix: https://stats.podium.test/p/\n",
      shown: "<enclosure url=\"https://stats.podium.test/p/media.podium.test/gesprekken/media/"),
    ItemContextChange(
      name: "the show's language (a transcript's, when it gives none)", file: "gesprekken/show.yaml",
      text: CatalogueFixture.show + "language: fr-BE\n", shown: "language=\"fr-BE\""),
    ItemContextChange(
      name: "the show's chapter_timestamps (the notes)", file: "gesprekken/show.yaml",
      text: CatalogueFixture.show + "chapter_timestamps: true\n", shown: "0:30 Wat de buurt wil"),
  ]

  @Test(arguments: itemContextChanges) func whatAnItemShowsOfItsShowOrSiteWritesItAgain(_ change: ItemContextChange) throws {
    let fixture = try Self.fourEpisodes()
    try fixture.folder.write("episodes/gesprekken/transcripts/buurt.vtt", Self.transcript("Welkom"))
    try fixture.addEpisode(
      extra: """
        transcripts:
          - file: transcripts/buurt.vtt
        chapters:
          - start: 0
            title: Inleiding
          - start: "0:30"
            title: Wat de buurt wil
        """)
    var twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    let feed = "cached/feeds/gesprekken/feed.xml"
    #expect(try !String(decoding: fixture.folder.read(feed), as: UTF8.self).contains(change.shown))

    try fixture.folder.write("episodes/\(change.file)", change.text)
    twins.options = { options in
      var options = options
      change.allowing(&options)
      return options
    }
    usleep(20_000)
    let report = try twins.build().report
    #expect(Reuse(report)?.items == 0)
    #expect(try String(decoding: fixture.folder.read(feed), as: UTF8.self).contains(change.shown))
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  static func transcript(_ greeting: String) -> String {
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v An Peeters>\(greeting) bij Allemaal politiek.\n"
  }

  /// The old feed changed behind Podium's back (the build that reads it also has an edited
  /// episode to build): with another size or modification time nothing is copied from it; edited
  /// in place with its modification time put back, the edited item's bytes no longer have their
  /// checksum, and it is written again. The output is always that of a build without a cache.
  @Test func anOldFeedEditedBehindTheBuildsBackIsNeverCopiedWrong() throws {
    let fixture = try Self.fourEpisodes()
    try fixture.addEpisode(
      "2024-02-01-eerder", title: "Eerder gesprek", date: "2024-02-01T09:00:00+01:00", guid: "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901")
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    let feed = fixture.folder.url.appendingPathComponent("cached/feeds/gesprekken/feed.xml")
    let edited = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-14-de-buurt-beslist.md")
    var title = "De buurt beslist"

    // In place, the same size, the modification time put back.
    var info = stat()
    #expect(lstat(feed.path, &info) == 0)
    let bytes = try Data(contentsOf: feed)
    let found = try #require(bytes.firstRange(of: Data("Een schoolstraat</title>".utf8)))
    let handle = try FileHandle(forWritingTo: feed)
    try handle.seek(toOffset: UInt64(found.lowerBound))
    try handle.write(contentsOf: Data("Een SCHOOLSTRAAT".utf8))
    try handle.close()
    var times = [info.st_atim, info.st_mtim]
    #expect(utimensat(AT_FDCWD, feed.path, &times, 0) == 0)
    var after = stat()
    #expect(lstat(feed.path, &after) == 0 && after.st_size == info.st_size && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
    try String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: title, with: "De buurt besluit")
      .write(to: edited, atomically: false, encoding: .utf8)
    title = "De buurt besluit"
    usleep(20_000)
    #expect(Reuse(try twins.build().report)?.items == 1)
    try twins.build()

    // Another size: nothing is copied from it.
    try (String(decoding: try Data(contentsOf: feed), as: UTF8.self) + "\n").write(to: feed, atomically: false, encoding: .utf8)
    try String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: title, with: "De buurt beslist")
      .write(to: edited, atomically: false, encoding: .utf8)
    usleep(20_000)
    #expect(Reuse(try twins.build().report)?.items == 0)
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  @Test func theCampaignCatalogue() throws {
    let folder = try TemporaryFolder()
    let catalogue = folder.url.appendingPathComponent("episodes")
    try FileManager.default.copyItem(
      at: CampaignCatalogueTests.repository.appendingPathComponent("episodes"), to: catalogue)
    var twins = Twins(folder: folder, catalogue: catalogue, now: Timestamp.parse("2026-11-27T12:00:00+01:00")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    // Its scheduled episode goes live.
    twins.now = Timestamp.parse("2027-02-01T12:00:00+01:00")!
    try twins.buildAfterChange()
    let show = catalogue.appendingPathComponent("gesprekken/show.yaml")
    try (String(contentsOf: show, encoding: .utf8) + "\n# bewerkt\n").write(to: show, atomically: true, encoding: .utf8)
    try twins.buildAfterChange()
  }

  /// A show of four episodes: published, published, scheduled (2025) and a draft.
  /// ``fourEpisodes()`` built into both outputs until the build with the cache is answered from
  /// it (the build after the first rewrites the record it read, and only then keeps its state).
  static func warmedUp() throws -> (CatalogueFixture, Twins) {
    let fixture = try fourEpisodes()
    let twins = Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    return (fixture, twins)
  }

  static func fourEpisodes() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.addEpisode(
      "2024-04-04-schoolstraat", title: "Een schoolstraat", date: "2024-04-04T09:00:00+02:00",
      guid: "0e6a7d0c-5f0e-4b8e-a1a2-0c0d7e1f2a3b")
    try fixture.addEpisode(
      "2025-06-01-later", title: "Later", date: "2025-06-01T09:00:00+02:00", guid: "7b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    try fixture.addEpisode(
      "2024-05-01-ontwerp", title: "Ontwerp", date: "2024-05-01T09:00:00+02:00",
      guid: "5c4b3a29-1807-4f6e-8d5c-4b3a29180706", extra: "draft: true")
    return fixture
  }
}
