import Catalogue
import Foundation
import PodiumTestSupport
@testable import Publisher
import Testing

/// A rebuild takes the last record from the build cache's copy (``RecordCopy``) instead of
/// parsing its JSON: the copy must be the very index that parsing the JSON gives, and only ever
/// be taken for the bytes it was made from.
struct RecordCopyTests {
  /// The copy made as the record is written is what reading the written JSON gives.
  @Test(arguments: RecordJSONTests.records)
  func theCopyIsWhatReadingTheJSONGives(record: PublicationRecord) throws {
    let folder = try TemporaryFolder()
    let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), podiumIdentity: "podium A")
    let file = folder.url.appendingPathComponent("published.json")
    let pending = try #require(try RecordDraft(record).write(toFileAt: file.path, copyingInto: cache))
    let json = try Data(contentsOf: file)
    #expect(json == (try record.encoded()))
    let digest = RecordCopy.digest(json)
    #expect(try RecordCopy.read(cache, digest: digest) == nil, "stored before the output is in place")
    pending.commit()
    let copy = try #require(try RecordCopy.read(cache, digest: digest))
    RecordIndexTests.expectSame(copy, record)
    #expect(copy.matches(RecordDraft(record)))
    // Other bytes (a record edited by hand), or another Podium: not taken.
    #expect(try RecordCopy.read(cache, digest: RecordCopy.digest(json + Data(" ".utf8))) == nil)
    let other = BuildCache(folder: cache.folder, podiumIdentity: "podium B")
    #expect(try RecordCopy.read(other, digest: digest) == nil)
  }

  @Test func aDamagedCopyIsRefusedAndADiscardedOneNeverStored() throws {
    let folder = try TemporaryFolder()
    let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), podiumIdentity: "podium A")
    let record = try #require(RecordJSONTests.records.last)
    let first = folder.url.appendingPathComponent("first.json")
    try RecordDraft(record).write(toFileAt: first.path, copyingInto: cache)?.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).isEmpty)
    let second = folder.url.appendingPathComponent("second.json")
    try RecordDraft(record).write(toFileAt: second.path, copyingInto: cache)?.commit()
    let digest = RecordCopy.digest(try Data(contentsOf: second))
    #expect(try RecordCopy.read(cache, digest: digest) != nil)
    let file = cache.folder.appendingPathComponent(RecordCopy.fileName)
    var bytes = try Data(contentsOf: file)
    bytes[bytes.count - 3] ^= 0x40
    try bytes.write(to: file)
    #expect(throws: CacheFile.Problem.unreadable) { try RecordCopy.read(cache, digest: digest) }
  }

  /// A copy in the form of an earlier Podium, under the same digest, is not taken, and not a
  /// damaged cache either.
  @Test func aCopyOfTheFormatBeforeIsNotTaken() throws {
    struct Before: Codable {
      var format = 1
      var podium = "podium A"
      var json: String
      var version = 1
      var shows: [String] = []
    }
    let folder = try TemporaryFolder()
    let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), podiumIdentity: "podium A")
    #expect(cache.makeFolder())
    let digest = RecordCopy.digest(try PublicationRecord().encoded())
    #expect(CacheFile.write(Before(json: digest), to: cache.folder.appendingPathComponent(RecordCopy.fileName)))
    #expect(try RecordCopy.read(cache, digest: digest) == nil)
  }

  /// Spans outside the text (a copy Podium did not write) are refused, never read.
  @Test(arguments: [[0, 1, 0, 1, 0, UInt32.max, 0, 9] as [UInt32], [0, 1, 0, 1, 5, 4, 0, 1], [0, 1, 0, 1], [UInt32.max, 2, 0, 1, 0, 1, 0, 1]])
  func spansOutsideTheTextAreRefused(spans: [UInt32]) {
    #expect(RecordIndex.Episodes(text: Array("abcdefgh".utf8), spans: spans) == nil)
  }

  static let fromCopy = "read publication record (the build cache's copy)"

  /// The step of `--timings` that read the record: whether it took the copy.
  static func recordStep(_ report: BuildReport) -> String? {
    report.timings.map(\.step).first { $0.hasPrefix("read publication record") }
  }

  /// The cache holds the copy of the cached output's record, which is what reading its JSON gives.
  static func expectCopyOfTheOutput(_ twins: BuildCacheTests.Twins, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let json = try Data(contentsOf: twins.folder.url.appendingPathComponent("cached/feeds/\(PublicationRecord.path)"))
    let copy = try #require(try RecordCopy.read(twins.cache, digest: RecordCopy.digest(json)), sourceLocation: sourceLocation)
    RecordIndexTests.expectSame(copy, try PublicationRecord.decode(json))
  }

  static func newEpisode(_ fixture: CatalogueFixture, _ day: Int) throws {
    try fixture.addEpisode(
      "2024-06-0\(day)-nieuw", title: "Nieuw \(day)", date: "2024-06-0\(day)T09:00:00+02:00",
      guid: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6\(day)")
    // Not racy for the build that sees it.
    usleep(20_000)
  }

  /// Each build that writes the record makes its copy, and the next build takes that copy rather
  /// than the JSON, also after a build that changed the record (a new episode), with the same
  /// outputs and findings as a build without a cache (``BuildCacheTests/Twins``).
  @Test func theNextBuildTakesTheCopyOfTheRecordWritten() throws {
    let fixture = try BuildCacheTests.fourEpisodes()
    let twins = BuildCacheTests.Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    #expect(Self.recordStep(try twins.build().report) == "read publication record")
    try Self.expectCopyOfTheOutput(twins)
    #expect(Self.recordStep(try twins.build().report) == Self.fromCopy)
    for day in 1...2 {
      try Self.newEpisode(fixture, day)
      let (fromCache, report) = try twins.build()
      #expect(!fromCache)
      #expect(Self.recordStep(report) == Self.fromCopy)
      try Self.expectCopyOfTheOutput(twins)
    }
    #expect(Self.recordStep(try twins.build().report) == Self.fromCopy)
  }

  /// A record edited by hand, or replaced by another (an older one put back), has other bytes:
  /// its JSON is read, not the copy, and the build finds what a build without a cache finds.
  @Test(arguments: ["edited", "replaced"])
  func aRecordEditedOrReplacedIsNotTakenForTheCopy(_ how: String) throws {
    let fixture = try BuildCacheTests.fourEpisodes()
    let twins = BuildCacheTests.Twins(folder: fixture.folder, catalogue: fixture.catalogue, now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    try twins.build()
    let older = try fixture.folder.read("cached/feeds/\(PublicationRecord.path)")
    try Self.newEpisode(fixture, 1)
    try twins.build()
    for output in ["cached/feeds", "plain/feeds"] {
      let record = "\(output)/\(PublicationRecord.path)"
      let text = String(decoding: try fixture.folder.read(record), as: UTF8.self)
      if how == "edited" {
        // Laid out by hand: what it says is the same, its bytes are not.
        try fixture.folder.write(record, text.replacingOccurrences(of: "\n  ", with: "\n\t"))
      } else {
        try fixture.folder.write(record, String(decoding: older, as: UTF8.self))
      }
    }
    let report = try twins.build().report
    #expect(Self.recordStep(report) == "read publication record")
    try Self.expectCopyOfTheOutput(twins)
    // Answered from the build's state when the record was left as it was read, else from the copy.
    let (fromCache, next) = try twins.build()
    #expect(fromCache || Self.recordStep(next) == Self.fromCopy)
  }

  /// A build that fails once its record is written (here, as it puts the output in place) leaves
  /// the cache as it found it: no copy of the record it never put in place, the copy of the
  /// output's record still there and taken by the next build.
  @Test func aFailedBuildLeavesNoCopyOfItsRecord() throws {
    // Two shows: one of them kept in place, so that the output is committed a step at a time.
    let (fixture, twins) = try ShowCommitTests.warmedUp()
    try Self.newEpisode(fixture, 1)
    let before = try TemporaryFolder.snapshot(of: twins.cache.folder)
    var failing = Publisher(
      catalogueURL: twins.catalogue, outputURL: twins.folder.url.appendingPathComponent("cached/feeds"),
      options: BuildOptions(now: twins.now))
    failing.cache = twins.cache
    failing.willCommit = { name in if name == ".podium" { throw CommitFailure() } }
    #expect(throws: (any Error).self) { try failing.build() }
    // The build's state, deleted before a build does its work, is the one file gone.
    var after = try TemporaryFolder.snapshot(of: twins.cache.folder)
    after["build.json"] = before["build.json"]
    #expect(after == before)
    try Self.expectCopyOfTheOutput(twins)
    let (fromCache, report) = try twins.build()
    #expect(!fromCache)
    #expect(Self.recordStep(report) == Self.fromCopy)
    try Self.expectCopyOfTheOutput(twins)
  }

  struct CommitFailure: Error {}
}
