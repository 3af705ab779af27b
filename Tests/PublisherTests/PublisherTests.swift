import AtomicOutput
import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

@Suite struct PublisherTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  func publisher(_ fixture: CatalogueFixture, _ options: BuildOptions? = nil) -> Publisher {
    Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options ?? BuildOptions(now: now))
  }

  @Test func twoBuildsGiveIdenticalBytes() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a", extra: "chapters:\n  - start: 0\n    title: Begin")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    _ = try publisher(fixture).build()
    let first = try fixture.folder.snapshot("feeds")
    _ = try publisher(fixture).build()
    let second = try fixture.folder.snapshot("feeds")
    #expect(first.keys.sorted() == [
      ".podium/manifest.json", ".podium/published.json", "feeds.opml", "gesprekken/chapters/2024-03-14-a.json",
      "gesprekken/chapters/2024-03-14-a.vtt", "gesprekken/feed.xml",
    ])
    #expect(first == second)
  }

  /// A rebuild that writes a file unchanged links the published one instead, the feed written
  /// into the staging folder as it is made included: the same file, so its modification time
  /// (a web server's Last-Modified and ETag) stays and podcast apps don't fetch it again.
  @Test func aRebuildKeepsTheFilesItWouldWriteUnchanged() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a", extra: "chapters:\n  - start: 0\n    title: Begin")
    _ = try publisher(fixture).build()
    let paths = ["gesprekken/feed.xml", "gesprekken/chapters/2024-03-14-a.json"]
    let inodes = { () throws -> [UInt64] in
      try paths.map { path in
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.output.appendingPathComponent(path).path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
      }
    }
    let first = try inodes()
    _ = try publisher(fixture).build()
    #expect(try inodes() == first)
    // A feed that changed is written anew.
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    _ = try publisher(fixture).build()
    let third = try inodes()
    #expect(third[0] != first[0] && third[1] == first[1])
  }

  @Test func aBuildThatFailsHalfwayLeavesTheOldFeedsIntact() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    _ = try publisher(fixture).build()
    let before = try fixture.folder.snapshot("feeds")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    var failing = publisher(fixture)
    let counter = Counter()
    failing.willWrite = { path in
      if counter.next() == 2 { throw OutputError(.io(path: path, detail: "disk full (simulated)")) }
    }
    #expect(throws: OutputError.self) { try failing.build() }
    #expect(try fixture.folder.snapshot("feeds") == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path)
      .filter { $0.contains("staging") || $0.contains(".old-") }
    #expect(leftovers == [])
  }

  /// Podcast feeds are written into the staging folder as they are made: a failure there is
  /// an error finding, and the staging folder goes with the rest of the build.
  @Test func aFeedThatCannotBeWrittenLeavesTheOldFeedsAndNoStaging() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    _ = try publisher(fixture).build()
    let before = try fixture.folder.snapshot("feeds")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    var failing = publisher(fixture)
    failing.willWrite = { path in
      if path.hasSuffix("feed.xml") { throw OutputError(.io(path: path, detail: "disk full (simulated)")) }
    }
    let report = try failing.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-OUTPUT" && $0.message.contains("disk full") })
    #expect(report.written == [])
    #expect(try fixture.folder.snapshot("feeds") == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path)
      .filter { $0.contains("staging") }
    #expect(leftovers == [])
  }

  /// The notes are read again from the episode file when its item is written: a file edited
  /// after loading (same length, other bytes) stops the build rather than publish notes that
  /// were never checked.
  @Test func anEpisodeEditedDuringTheBuildStopsIt() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    _ = try publisher(fixture).build()
    let before = try fixture.folder.snapshot("feeds")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    let file = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-14-a.md")
    var racing = publisher(fixture)
    racing.willWrite = { path in
      if path.hasSuffix("feed.xml") {
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "herontwierp.", with: "herontwierp!").utf8).write(to: file)
      }
    }
    let report = try racing.build()
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-OUTPUT" })
    #expect(finding.message.contains("gesprekken/2024-03-14-a.md changed while the build ran"))
    #expect(finding.severity == .error)
    #expect(report.written == [])
    #expect(try fixture.folder.snapshot("feeds") == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).sorted() == ["episodes", "feeds"])
  }

  @Test func badInputWritesNothing() throws {
    let fixture = try CatalogueFixture()
    try fixture.writeEpisode("2024-03-14-a.md", "---\ntitle: A\ndate: 14 maart\n---\n")
    let report = try publisher(fixture).build()
    #expect(report.hasErrors)
    #expect(report.written == [])
    #expect(!fixture.folder.exists("feeds"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).filter { $0.contains("staging") } == [])
  }

  /// A catalogue with errors is reported as such, whatever the output location: the build never
  /// gets as far as making a staging folder, nor the folders the output would go in.
  @Test func badInputIsReportedWithoutTouchingTheOutputLocation() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.writeEpisode("2024-03-21-b.md", "---\ntitle: B\ndate: 21 maart\n---\n")
    let options = BuildOptions(now: now)
    let unmade = fixture.folder.url.appendingPathComponent("site/public/feeds")
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: unmade, options: options).build()
    #expect(report.findings.contains { $0.ruleID == "CAT-DATE" })
    #expect(!fixture.folder.exists("site"))
    // Where no folder can be made (a file is in the way), the findings still come back.
    try fixture.folder.write("blocked", Data("a file".utf8))
    let blocked = fixture.folder.url.appendingPathComponent("blocked/feeds")
    let again = try Publisher(catalogueURL: fixture.catalogue, outputURL: blocked, options: options).build()
    #expect(again.findings.contains { $0.ruleID == "CAT-DATE" })
    #expect(again.written == [])
  }

  /// A file put into the output while the build runs is found before the swap, which would
  /// remove it with the old output.
  @Test func aFileAddedToTheOutputDuringTheBuildIsKept() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: "a")
    _ = try publisher(fixture).build()
    var racing = publisher(fixture)
    let notes = fixture.output.appendingPathComponent("notes.txt")
    racing.willWrite = { path in
      if path == "feeds.opml" { try Data("written meanwhile".utf8).write(to: notes) }
    }
    let report = try racing.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-OUTPUT-FOREIGN" && $0.message.contains("'notes.txt'") })
    #expect(report.written.isEmpty)
    #expect(try String(contentsOf: notes, encoding: .utf8) == "written meanwhile")
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).sorted() == ["episodes", "feeds"])
  }

  @Test func aPublishedGUIDMayNotChange() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: "first")
    _ = try publisher(fixture).build()
    let before = try fixture.folder.snapshot("feeds")
    try fixture.addEpisode(guid: "second")
    let report = try publisher(fixture).build()
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 4))
    #expect(try fixture.folder.snapshot("feeds") == before)
    let allowed = try publisher(fixture, BuildOptions(now: now, allowGUIDChange: true)).build()
    #expect(!allowed.hasErrors)
    #expect(allowed.findings.first { $0.ruleID == "PUB-GUID-CHANGED" }?.severity == .warning)
  }

  @Test func aPublishedEpisodeMayNotDisappearOrMove() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    _ = try publisher(fixture).build()
    try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/2024-03-21-b.md"))
    #expect(try publisher(fixture).build().findings.contains { $0.ruleID == "PUB-REMOVED" && $0.severity == .error })
    #expect(!(try publisher(fixture, BuildOptions(now: now, allowRemoval: true)).build()).hasErrors)
    // The removal is now recorded, so the next build is clean.
    #expect(!(try publisher(fixture).build()).findings.contains { $0.ruleID == "PUB-REMOVED" })

    let site = CatalogueFixture.site.replacingOccurrences(of: "https://media.podium.test/", with: "https://cdn.example.org/")
    try fixture.folder.write("episodes/podium.yaml", site)
    let moved = try publisher(fixture).build()
    #expect(moved.findings.contains { $0.ruleID == "PUB-ENCLOSURE-CHANGED" && $0.severity == .error })
  }

  /// Swapping a published episode's file for a YouTube link would take it out of the podcast feed.
  @Test func aPublishedFileMayNotBecomeOnlyAYouTubeLink() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/posters/a.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.addEpisode("2024-03-14-a", guid: "a", extra: "poster: posters/a.jpg")
    #expect(!(try publisher(fixture).build()).hasErrors)
    try fixture.writeEpisode("2024-03-14-a.md", """
      ---
      title: A
      date: 2024-03-14T09:00:00+01:00
      guid: a
      poster: posters/a.jpg
      external:
        url: https://youtu.be/dQw4w9WgXcQ
        duration: 60
      ---
      Notes.
      """)
    let report = try publisher(fixture).build()
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-REMOVED" })
    #expect(finding.severity == .error)
    #expect(finding.message.contains("leave the podcast feed"))
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-a.md", line: 6))
    #expect(!(try publisher(fixture, BuildOptions(now: now, allowRemoval: true)).build()).hasErrors)
    #expect(!(try publisher(fixture).build()).findings.contains { $0.ruleID == "PUB-REMOVED" })
  }

  @Test func podcastGUIDIsKeptWhenTheFeedMoves() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    _ = try publisher(fixture).build()
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let guid = feed.text(feed.channel, "guid", namespace: FeedReader.podcast)
    let site = CatalogueFixture.site.replacingOccurrences(of: "https://feeds.podium.test/", with: "https://new.example.org/")
    try fixture.folder.write("episodes/podium.yaml", site)
    let refused = try publisher(fixture).build()
    #expect(refused.findings.map(\.ruleID).contains("PUB-FEED-MOVED"))
    #expect(refused.written.isEmpty)
    var allowed = BuildOptions(now: now)
    allowed.allowFeedMove = true
    let build = try publisher(fixture, allowed).build()
    #expect(!build.hasErrors)
    #expect(build.findings.first { $0.ruleID == "PUB-FEED-MOVED" }?.severity == .warning)
    #expect(try PublicationRecord.decode(try fixture.folder.read("feeds/.podium/published.json"))
      .shows["gesprekken"]?.feedURL == "https://new.example.org/gesprekken/feed.xml")
    let moved = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    #expect(moved.text(moved.channel, "guid", namespace: FeedReader.podcast) == guid)
    #expect(moved.channel?.firstChild(named: "link", namespace: FeedReader.atom)?.attribute("href")
      == "https://new.example.org/gesprekken/feed.xml")
  }
}

/// Counts calls from the build's write hook.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
