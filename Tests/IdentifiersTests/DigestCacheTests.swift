import Foundation
import Identifiers
import PodiumTestSupport
import Testing

@Suite struct DigestCacheTests {
  /// Replaces a file's bytes in place, keeping its inode and size, as an editor that saves over
  /// the file does; `keepingModificationTime` puts the old modification time back, as `touch -r`
  /// or a copy with `cp -p` would. The change time is the kernel's: no tool sets it back.
  static func overwrite(_ url: URL, with bytes: Data, keepingModificationTime: Bool) throws {
    var before = stat()
    #expect(stat(url.path, &before) == 0)
    let handle = try FileHandle(forWritingTo: url)
    try handle.write(contentsOf: bytes)
    try handle.close()
    if keepingModificationTime {
      var times = [before.st_atim, before.st_mtim]
      #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }
  }

  @Test func bothDigestsComeFromOneReadAndMatchTheDigestsOfTheBytes() throws {
    let folder = try TemporaryFolder()
    let bytes = Data((0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    let file = try folder.write("media/large.mp3", bytes)
    let found = try #require(DigestCache().digests(ofFileAt: file))
    #expect(found.digests.sri == ContentDigest.sri(bytes))
    #expect(found.digests.sha256 == ContentDigest.sha256Hex(ofFileAt: file))
    #expect(found.stamp.byteCount == Int64(bytes.count))
    #expect(DigestCache().digests(ofFileAt: folder.url.appendingPathComponent("missing")) == nil)
    #expect(DigestCache().digests(ofFileAt: folder.url.appendingPathComponent("media")) == nil)
  }

  /// A stored entry is trusted while the file's stamp is the same (shown with a digest that is
  /// not the file's), and never once its bytes changed, even at the same size and modification time.
  @Test func aStoredDigestIsUsedUntilTheFileChanges() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("a.mp3", Data(repeating: 1, count: 4096))
    let store = folder.url.appendingPathComponent("digests.json")
    let first = DigestCache()
    let original = try #require(first.sri(ofFileAt: file))
    first.save(to: store)
    // What a cache written by an earlier run holds for this stamp is what it answers.
    let forged = ContentDigest.sri(Data("other bytes".utf8))
    let text = try String(contentsOf: store, encoding: .utf8)
    #expect(text.contains(original))
    try text.replacingOccurrences(of: original, with: forged).write(to: store, atomically: true, encoding: .utf8)
    var problem: String?
    #expect(DigestCache(contentsOf: store, problem: &problem).sri(ofFileAt: file) == forged)
    #expect(problem == nil)

    // The same size, other bytes, the old modification time put back: the change time tells.
    try Self.overwrite(file, with: Data(repeating: 2, count: 4096), keepingModificationTime: true)
    #expect(DigestCache(contentsOf: store, problem: &problem).sri(ofFileAt: file) == ContentDigest.sri(Data(repeating: 2, count: 4096)))
    // An ordinary save in place.
    let warm = DigestCache(contentsOf: store, problem: &problem)
    _ = warm.sri(ofFileAt: file)
    warm.save(to: store)
    try Self.overwrite(file, with: Data(repeating: 3, count: 4096), keepingModificationTime: false)
    #expect(DigestCache(contentsOf: store, problem: &problem).sri(ofFileAt: file) == ContentDigest.sri(Data(repeating: 3, count: 4096)))
    // A file put in its place (another inode).
    _ = try folder.write("b.mp3", Data(repeating: 4, count: 4096))
    try FileManager.default.removeItem(at: file)
    try FileManager.default.moveItem(at: folder.url.appendingPathComponent("b.mp3"), to: file)
    #expect(DigestCache(contentsOf: store, problem: &problem).sri(ofFileAt: file) == ContentDigest.sri(Data(repeating: 4, count: 4096)))
    #expect(problem == nil)
  }

  /// Only what a run asked for is stored: a file no longer asked for is dropped.
  @Test func aSavedCacheHoldsOnlyTheFilesOfItsRun() throws {
    let folder = try TemporaryFolder()
    let a = try folder.write("a.mp3", "a")
    let b = try folder.write("b.mp3", "b")
    let store = folder.url.appendingPathComponent("digests.json")
    let both = DigestCache()
    _ = both.sri(ofFileAt: a)
    _ = both.sri(ofFileAt: b)
    both.save(to: store)
    var problem: String?
    let next = DigestCache(contentsOf: store, problem: &problem)
    _ = next.sri(ofFileAt: a)
    next.save(to: store)
    let text = try String(contentsOf: store, encoding: .utf8)
    #expect(text.contains(try #require(ContentDigest.sri(ofFileAt: a))))
    #expect(!text.contains(try #require(ContentDigest.sri(ofFileAt: b))))
    // A serve-style run after another keeps what that one asked for, not more.
    let kept = DigestCache(after: next)
    #expect(kept.count == 0)
    _ = kept.sri(ofFileAt: a)
    #expect(kept.count == 1)
  }

  @Test(arguments: [
    ("damaged", Data([0xff, 0x00, 0x12])), ("damaged", Data("{\"format\": \"podium digest cache\"".utf8)),
    ("not Podium's", Data("{\"format\": \"someone else\", \"version\": 1, \"entries\": []}".utf8)),
    ("not Podium's", Data("{\"format\": \"podium digest cache\", \"version\": 99, \"entries\": []}".utf8)),
  ])
  func aDamagedOrForeignCacheIsIgnoredAndSaysWhy(reason: String, contents: Data) throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("a.mp3", "a")
    let store = try folder.write("digests.json", contents)
    var problem: String?
    let cache = DigestCache(contentsOf: store, problem: &problem)
    #expect(problem?.contains(reason) == true, "\(String(describing: problem))")
    #expect(cache.sri(ofFileAt: file) == ContentDigest.sri(Data("a".utf8)))
    cache.save(to: store)
    problem = nil
    _ = DigestCache(contentsOf: store, problem: &problem)
    #expect(problem == nil, "a run replaces it")
  }

  @Test func aCacheTooLargeOrNotAFileIsNotRead() throws {
    let folder = try TemporaryFolder()
    let large = folder.url.appendingPathComponent("large.json")
    #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
    #expect(truncate(large.path, off_t(DigestCache.maximumFileSize + 1)) == 0)
    var problem: String?
    _ = DigestCache(contentsOf: large, problem: &problem)
    #expect(problem?.contains("larger than") == true)
    problem = nil
    _ = DigestCache(contentsOf: folder.url, problem: &problem)
    #expect(problem?.contains("not a file") == true)
    problem = nil
    _ = DigestCache(contentsOf: folder.url.appendingPathComponent("none.json"), problem: &problem)
    #expect(problem == nil, "no cache yet is no problem")
  }
}
