import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// The digests of local media kept in the build cache (`digests.json`): a build that reads them
/// writes the same bytes as one that reads every media file, and a changed file is read again.
/// Each build removes `build.json` first, so the cached twin really builds rather than being
/// answered whole by the build cache.
@Suite struct DigestCacheBuildTests {
  /// The integrity hashes a feed carries, in order.
  static func hashes(_ feed: String) -> [String] {
    feed.matches(of: /podcast:integrity type="sri" value="(sha384-[A-Za-z0-9+\/=]+)"/).map { String($0.1) }
  }

  struct Campaign {
    let folder: TemporaryFolder
    let catalogue: URL
    var twins: BuildCacheTests.Twins
    var digests: URL { twins.cache.folder.appendingPathComponent("digests.json") }

    init() throws {
      folder = try TemporaryFolder()
      catalogue = folder.url.appendingPathComponent("episodes")
      try FileManager.default.copyItem(at: CampaignCatalogueTests.repository.appendingPathComponent("episodes"), to: catalogue)
      twins = BuildCacheTests.Twins(folder: folder, catalogue: catalogue, now: Timestamp.parse("2026-11-27T12:00:00+01:00")!)
    }

    /// Both twins built, compared byte for byte; the cached one's report.
    @discardableResult
    func rebuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildReport {
      unlink(twins.cache.folder.appendingPathComponent("build.json").path)
      let (fromCache, report) = try twins.build(sourceLocation: sourceLocation)
      #expect(!fromCache, sourceLocation: sourceLocation)
      return report
    }

    func feed(_ show: String) throws -> String {
      try String(contentsOf: folder.url.appendingPathComponent("cached/feeds/\(show)/feed.xml"), encoding: .utf8)
    }

    func cacheNotes(_ report: BuildReport) -> [Finding] { report.findings.filter { $0.ruleID == PublishRules.cache.id } }
  }

  @Test func theCampaignBuildsTheSameWithAColdWarmDeletedOrCorruptCache() throws {
    let campaign = try Campaign()
    // Cold: no cache folder yet. The build stores the digests of every local media file it named.
    #expect(campaign.cacheNotes(try campaign.rebuild()).isEmpty)
    let stored = try String(contentsOf: campaign.digests, encoding: .utf8)
    let hashes = DigestCacheBuildTests.hashes(try campaign.feed("gesprekken"))
    #expect(!hashes.isEmpty)
    #expect(hashes.allSatisfy { stored.contains($0) })
    // Warm.
    #expect(campaign.cacheNotes(try campaign.rebuild()).isEmpty)
    #expect(try String(contentsOf: campaign.digests, encoding: .utf8) == stored)
    // Deleted.
    try FileManager.default.removeItem(at: campaign.twins.cache.folder)
    try campaign.rebuild()
    #expect(try String(contentsOf: campaign.digests, encoding: .utf8) == stored)
    // Corrupt, then foreign: ignored with a note, and replaced.
    for garbage in ["{\"format\": \"podium digest cache\", \"version\": 1, \"entr", "{\"format\": \"other\", \"version\": 1, \"entries\": []}"] {
      try garbage.write(to: campaign.digests, atomically: true, encoding: .utf8)
      let notes = campaign.cacheNotes(try campaign.rebuild())
      #expect(notes.count == 1 && notes[0].severity == .info && notes[0].message.contains("digests.json"), "\(notes)")
      #expect(try String(contentsOf: campaign.digests, encoding: .utf8) == stored)
      #expect(campaign.cacheNotes(try campaign.rebuild()).isEmpty, "the note is said once")
    }
  }

  /// The cache is really read (a digest that is not the file's, planted in it, reaches the feed),
  /// and a media file whose bytes change at the same size is read again; a file the catalogue no
  /// longer names is dropped from the cache.
  @Test func aChangedMediaFileIsReadAgainAndAGoneOneDropped() throws {
    var campaign = try Campaign()
    try campaign.rebuild()
    let media = campaign.catalogue.appendingPathComponent("gesprekken/media/2024-02-22-herstellen-in-plaats-van-weggooien.mp3")
    let before = try campaign.feed("gesprekken")
    let hashes = DigestCacheBuildTests.hashes(before)
    // The hash in the item of that file's episode.
    let item = try #require(before.components(separatedBy: "<item>").first { $0.contains(media.lastPathComponent) })
    let original = try #require(DigestCacheBuildTests.hashes(item).first)
    let planted = "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"
    try String(contentsOf: campaign.digests, encoding: .utf8).replacingOccurrences(of: original, with: planted)
      .write(to: campaign.digests, atomically: true, encoding: .utf8)
    unlink(campaign.twins.cache.folder.appendingPathComponent("build.json").path)
    // Nor may the show cache take the show whole: its feed must be written again.
    try FileManager.default.removeItem(at: campaign.twins.cache.folder.appendingPathComponent("shows"))
    var cached = Publisher(
      catalogueURL: campaign.catalogue, outputURL: campaign.folder.url.appendingPathComponent("cached/feeds"),
      options: BuildOptions(now: campaign.twins.now))
    cached.cache = campaign.twins.cache
    _ = try cached.build()
    #expect(try campaign.feed("gesprekken").contains(planted), "the planted digest was not read from the cache")

    // The first media file's bytes change, its size the same, as an editor saving in place does.
    var bytes = try Data(contentsOf: media)
    #expect(before.contains(original))
    bytes[bytes.count - 1] ^= 0xFF
    let handle = try FileHandle(forWritingTo: media)
    try handle.write(contentsOf: bytes)
    try handle.close()
    try campaign.rebuild()
    let after = try campaign.feed("gesprekken")
    #expect(!after.contains(planted))
    #expect(!after.contains(original))
    // One file changed: one hash is new, the rest as before the plant.
    let new = Set(DigestCacheBuildTests.hashes(after)).subtracting(hashes)
    #expect(new.count == 1, "\(new)")
    #expect(DigestCacheBuildTests.hashes(after).count == hashes.count)

    // An episode and its media deleted: its digest is gone from the cache too.
    let gone = try #require(new.first)
    #expect(try String(contentsOf: campaign.digests, encoding: .utf8).contains(gone))
    try FileManager.default.removeItem(at: campaign.catalogue.appendingPathComponent("gesprekken/2024-02-22-herstellen-in-plaats-van-weggooien.md"))
    try FileManager.default.removeItem(at: media)
    campaign.twins.options = { var options = $0; options.allowRemoval = true; return options }
    try campaign.rebuild()
    #expect(try !String(contentsOf: campaign.digests, encoding: .utf8).contains(gone))
  }

  /// A build that copies items from the last feed still keeps the digests of their media: the
  /// next build that writes those items again (here, after the show's file changed) reads none
  /// of those files, as the digests it needs are in the cache.
  @Test func copiedItemsKeepTheirMediaDigests() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.addEpisode(
      "2024-04-04-schoolstraat", title: "Een schoolstraat", date: "2024-04-04T09:00:00+02:00",
      guid: "0e6a7d0c-5f0e-4b8e-a1a2-0c0d7e1f2a3b", seconds: 30)
    // Every episode published: no feed of episodes to come asks for their digests.
    let twins = BuildCacheTests.Twins(
      folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    let digests = twins.cache.folder.appendingPathComponent("digests.json")
    try twins.build()
    try twins.build()
    #expect(try twins.build().fromCache)
    let feed = fixture.folder.url.appendingPathComponent("cached/feeds/gesprekken/feed.xml")
    let hashes = DigestCacheBuildTests.hashes(try String(contentsOf: feed, encoding: .utf8))
    #expect(Set(hashes).count == 2)
    #expect(try hashes.allSatisfy(String(contentsOf: digests, encoding: .utf8).contains))

    // Twice: the first build after an edit records the other episode's stamp key, the second
    // finds its item by it, with no need to ask for its media's digest.
    let edited = fixture.catalogue.appendingPathComponent("gesprekken/2024-04-04-schoolstraat.md")
    for (old, new) in [("Een schoolstraat", "Een speelstraat"), ("Een speelstraat", "Een woonerf")] {
      try String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: old, with: new)
        .write(to: edited, atomically: false, encoding: .utf8)
      usleep(20_000)
      #expect(BuildCacheTests.Reuse(try twins.build().report)?.items == 1)
      #expect(try hashes.allSatisfy(String(contentsOf: digests, encoding: .utf8).contains), "a copied item's media digest was dropped")
      try twins.build()
    }
  }

  /// `validate` reads the cache beside the output but writes nothing there (docs/safety.md), even
  /// when the cache is damaged, and finds what `build` finds.
  @Test func validateReadsTheCacheAndWritesNothing() throws {
    let campaign = try Campaign()
    // Twice: files copied in the clock tick of the first build's walk are not kept by it.
    try campaign.rebuild()
    try campaign.rebuild()
    var validator = Publisher(
      catalogueURL: campaign.catalogue, outputURL: campaign.folder.url.appendingPathComponent("cached/feeds"),
      options: BuildOptions(now: campaign.twins.now))
    validator.cache = campaign.twins.cache
    let before = try TemporaryFolder.snapshot(of: campaign.folder.url)
    let report = validator.validate()
    #expect(try TemporaryFolder.snapshot(of: campaign.folder.url) == before)
    #expect(campaign.cacheNotes(report).isEmpty)
    // It takes the episode files' readings the build stored, and reads none.
    #expect(report.timings.first?.step.hasSuffix("episode files from the cache, 0 read)") == true, "\(report.timings)")
    #expect(!report.blocksPublishing(strict: false))

    try "not json".write(to: campaign.digests, atomically: true, encoding: .utf8)
    let damaged = try TemporaryFolder.snapshot(of: campaign.folder.url)
    let noted = validator.validate()
    #expect(try TemporaryFolder.snapshot(of: campaign.folder.url) == damaged)
    let notes = campaign.cacheNotes(noted)
    #expect(notes.count == 1 && notes[0].message.contains("the next build replaces it"), "\(notes)")
    #expect(noted.findings.filter { $0.ruleID != PublishRules.cache.id } == report.findings)
  }
}
