import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// A build with the cache commits its output a show at a time: a show the cache proves unchanged
/// keeps its folder in place, its very files, and the rest is swapped in entry by entry
/// (docs/safety.md). The output is still byte for byte that of a build without a cache
/// (``BuildCacheTests/Twins``), and a build that fails, is refused or fails to commit leaves it
/// as it was.
@Suite struct ShowCommitTests {
  /// `gesprekken` (local media) and `verhalen` (remote media), built until the cache answers.
  static func warmedUp() throws -> (CatalogueFixture, BuildCacheTests.Twins) {
    let fixture = try BuildCacheTests.fourEpisodes()
    try fixture.folder.write("episodes/verhalen/show.yaml", BuildCacheTests.remoteShow)
    try fixture.folder.write("episodes/verhalen/2024-02-01-eerste.md", BuildCacheTests.remoteEpisode("Eerste", day: 2))
    try fixture.folder.write("episodes/verhalen/2024-01-01-tweede.md", BuildCacheTests.remoteEpisode("Tweede", day: 1))
    let twins = BuildCacheTests.Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    return (fixture, twins)
  }

  static func editTitle(_ fixture: CatalogueFixture) throws {
    let file = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-14-de-buurt-beslist.md")
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "De buurt beslist", with: "De buurt besluit")
      .write(to: file, atomically: false, encoding: .utf8)
    // Not racy for the build that sees it.
    usleep(20_000)
  }

  static func kept(_ report: BuildReport) -> Int? {
    report.timings.lazy.compactMap { $0.step.firstMatch(of: /\((\d+) shows kept in place\)/).map { Int($0.1)! } }.first
  }

  func cachedPublisher(_ twins: BuildCacheTests.Twins) -> Publisher {
    var publisher = Publisher(
      catalogueURL: twins.catalogue, outputURL: twins.folder.url.appendingPathComponent("cached/feeds"),
      options: BuildOptions(now: twins.now))
    publisher.cache = twins.cache
    return publisher
  }

  @Test func anUnchangedShowKeepsItsFolderAndItsVeryFiles() throws {
    let (fixture, twins) = try Self.warmedUp()
    let output = fixture.folder.url.appendingPathComponent("cached/feeds")
    let verhalen = try TemporaryFolder.inodes(of: output.appendingPathComponent("verhalen"))
    let gesprekken = try TemporaryFolder.inodes(of: output.appendingPathComponent("gesprekken"))
    try Self.editTitle(fixture)
    let (_, report) = try twins.build()
    #expect(Self.kept(report) == 1)
    #expect(try TemporaryFolder.inodes(of: output.appendingPathComponent("verhalen")) == verhalen)
    #expect(try TemporaryFolder.inodes(of: output.appendingPathComponent("gesprekken"))["feed.xml"] != gesprekken["feed.xml"])
    // And the other way round: a new episode in `verhalen`, `gesprekken` kept.
    let kept = try TemporaryFolder.inodes(of: output.appendingPathComponent("gesprekken"))
    try fixture.folder.write("episodes/verhalen/2024-03-01-derde.md", BuildCacheTests.remoteEpisode("Derde", day: 3))
    usleep(20_000)
    let (_, next) = try twins.build()
    #expect(Self.kept(next) == 1)
    #expect(try TemporaryFolder.inodes(of: output.appendingPathComponent("gesprekken")) == kept)
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  /// (Taking a published show down needs `--allow-removal`, which is in every show's key: the
  /// builds here all have it.)
  @Test func aNewShowAppearsAndARemovedShowDisappears() throws {
    let (fixture, warm) = try Self.warmedUp()
    var twins = warm
    twins.options = { var options = $0; options.allowRemoval = true; return options }
    try twins.build()
    try fixture.folder.write("episodes/nieuw/show.yaml", BuildCacheTests.remoteShow)
    try fixture.folder.write("episodes/nieuw/2024-05-01-vijfde.md", BuildCacheTests.remoteEpisode("Vijfde", day: 5))
    usleep(20_000)
    let (_, added) = try twins.build()
    #expect(Self.kept(added) == 2)
    #expect(fixture.folder.exists("cached/feeds/nieuw/feed.xml"))
    try twins.build()
    try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("nieuw"))
    usleep(20_000)
    let (_, removed) = try twins.build()
    #expect(Self.kept(removed) == 2)
    #expect(!fixture.folder.exists("cached/feeds/nieuw"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("cached").path).sorted()
      == [".feeds.podium-cache", "feeds"])
  }

  /// A file put into a show's folder that the build keeps in place, while the build runs, is
  /// caught before anything is swapped: the build is refused and the output left as it was.
  @Test func aForeignFileInAnUnchangedShowDuringTheBuildIsCaught() throws {
    let (fixture, twins) = try Self.warmedUp()
    try Self.editTitle(fixture)
    let before = try TemporaryFolder.snapshot(of: fixture.folder.url.appendingPathComponent("cached/feeds"))
    var publisher = cachedPublisher(twins)
    let notes = fixture.folder.url.appendingPathComponent("cached/feeds/verhalen/notes.txt")
    publisher.willWrite = { _ in
      if !FileManager.default.fileExists(atPath: notes.path) { try Data("mine\n".utf8).write(to: notes) }
    }
    let report = try publisher.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-OUTPUT-FOREIGN" && $0.message.contains("verhalen/notes.txt") })
    var after = try TemporaryFolder.snapshot(of: fixture.folder.url.appendingPathComponent("cached/feeds"))
    #expect(after.removeValue(forKey: "verhalen/notes.txt") == Data("mine\n".utf8))
    #expect(after == before)
  }

  /// A file put into a show's folder between builds, where the next build would keep the folder
  /// in place (the show unchanged), is found before anything is read: the build is refused and
  /// the output left as it was, the file with it.
  @Test(arguments: ["verhalen/notes.txt", "verhalen/extra/notes.txt", "verhalen/feed.xml.bak"])
  func aForeignFileInAnUnchangedShowBetweenBuildsIsRefused(_ path: String) throws {
    let (fixture, twins) = try Self.warmedUp()
    try Self.editTitle(fixture)
    try fixture.folder.write("cached/feeds/" + path, "mine\n")
    let before = try TemporaryFolder.snapshot(of: fixture.folder.url.appendingPathComponent("cached/feeds"))
    let report = try cachedPublisher(twins).build()
    let foreign = path.hasPrefix("verhalen/extra/") ? "verhalen/extra" : path
    #expect(report.findings.contains { $0.ruleID == "PUB-OUTPUT-FOREIGN" && $0.message.contains("'\(foreign)'") })
    #expect(try TemporaryFolder.snapshot(of: fixture.folder.url.appendingPathComponent("cached/feeds")) == before)
  }

  /// A file of a show the cache holds unchanged, changed in the output behind Podium's back (by
  /// its size and modification time), is not kept: the show is rendered again, and the output is
  /// that of a build without a cache.
  @Test(arguments: ["verhalen/feed.xml", "gesprekken/feed.xml"])
  func aChangedFileOfAnUnchangedShowIsRenderedAgain(_ path: String) throws {
    let (fixture, twins) = try Self.warmedUp()
    let file = fixture.folder.url.appendingPathComponent("cached/feeds/" + path)
    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("<!-- mine -->\n".utf8))
    try handle.close()
    // The other show changed: the one whose file was changed is the one a build would keep.
    if path.hasPrefix("verhalen/") {
      try Self.editTitle(fixture)
    } else {
      try fixture.folder.write("episodes/verhalen/2024-03-01-derde.md", BuildCacheTests.remoteEpisode("Derde", day: 3))
      usleep(20_000)
    }
    let (fromCache, report) = try twins.build()
    #expect(!fromCache)
    #expect(Self.kept(report) == nil)
    try twins.build()
    #expect(try twins.build().fromCache)
  }

  /// A step of the commit that fails (here the last, the manifest's folder, after the changed
  /// show and the OPML were swapped in) swaps back what was swapped in: the old output, its very
  /// files. The next build then commits.
  @Test(arguments: ["gesprekken", "feeds.opml", ".podium"])
  func aCommitThatFailsMidwayLeavesTheOldOutput(failingAt entry: String) throws {
    let (fixture, twins) = try Self.warmedUp()
    try Self.editTitle(fixture)
    let output = fixture.folder.url.appendingPathComponent("cached/feeds")
    let (before, inodes) = (try TemporaryFolder.snapshot(of: output), try TemporaryFolder.inodes(of: output))
    var publisher = cachedPublisher(twins)
    publisher.willCommit = { name in if name == entry { throw CommitFailure() } }
    #expect { try publisher.build() } throws: { "\($0)".contains("the output is as it was") }
    #expect(try TemporaryFolder.snapshot(of: output) == before)
    #expect(try TemporaryFolder.inodes(of: output) == inodes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("cached").path).sorted()
      == [".feeds.podium-cache", "feeds"])
    try twins.build()
  }

  struct CommitFailure: Error, CustomStringConvertible {
    var description: String { "simulated" }
  }
}
