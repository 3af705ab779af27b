import Foundation
import PodiumTestSupport
@testable import Publisher
import Testing

/// A rebuild takes the last record from the build cache's copy (``RecordCopy``) instead of
/// parsing its JSON: the copy must be the very index that parsing the JSON gives, and only ever
/// be taken for the bytes it was made from.
struct RecordCopyTests {
  @Test(arguments: RecordJSONTests.records)
  func theCopyIsWhatReadingTheJSONGives(record: PublicationRecord) throws {
    let folder = try TemporaryFolder()
    let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), podiumIdentity: "podium A")
    let json = try record.encoded()
    let digest = RecordCopy.digest(json)
    #expect(try RecordCopy.read(cache, digest: digest) == nil, "nothing stored yet")
    let pending = try #require(RecordCopy.Pending(try RecordIndex(json: json), digest: digest, cache: cache))
    #expect(try RecordCopy.read(cache, digest: digest) == nil, "stored before the output is in place")
    pending.commit()
    RecordIndexTests.expectSame(try #require(try RecordCopy.read(cache, digest: digest)), record)
    // Other bytes (a record edited by hand), or another Podium: not taken.
    #expect(try RecordCopy.read(cache, digest: RecordCopy.digest(json + Data(" ".utf8))) == nil)
    let other = BuildCache(folder: cache.folder, podiumIdentity: "podium B")
    #expect(try RecordCopy.read(other, digest: digest) == nil)
  }

  @Test func aDamagedCopyIsRefusedAndADiscardedOneNeverStored() throws {
    let folder = try TemporaryFolder()
    let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), podiumIdentity: "podium A")
    let json = try #require(RecordJSONTests.records.last).encoded()
    let digest = RecordCopy.digest(json)
    RecordCopy.Pending(try RecordIndex(json: json), digest: digest, cache: cache)?.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).isEmpty)
    RecordCopy.Pending(try RecordIndex(json: json), digest: digest, cache: cache)?.commit()
    let file = cache.folder.appendingPathComponent(RecordCopy.fileName)
    var bytes = try Data(contentsOf: file)
    bytes[bytes.count - 3] ^= 0x40
    try bytes.write(to: file)
    #expect(throws: CacheFile.Problem.unreadable) { try RecordCopy.read(cache, digest: digest) }
  }

  /// Spans outside the text (a copy Podium did not write) are refused, never read.
  @Test(arguments: [[0, 1, 0, 1, 0, UInt32.max, 0, 9] as [UInt32], [0, 1, 0, 1, 5, 4, 0, 1], [0, 1, 0, 1], [UInt32.max, 2, 0, 1, 0, 1, 0, 1]])
  func spansOutsideTheTextAreRefused(spans: [UInt32]) {
    #expect(RecordIndex.Episodes(text: Array("abcdefgh".utf8), spans: spans) == nil)
  }
}
