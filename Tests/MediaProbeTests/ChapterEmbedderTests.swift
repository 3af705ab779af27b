import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

/// ChapterEmbedder on the probe's own fixtures (ID3v2.3 and 2.4 tags with artwork, a file that
/// has chapters already) and on damaged files: what it writes the probe reads back with every
/// other tag kept, and a file it refuses is left byte for byte as it was.
@Suite struct ChapterEmbedderTests {
  static let marks = [
    ChapterEmbedder.Mark(start: 0, end: 1.5, title: "Begin"), ChapterEmbedder.Mark(start: 1.5, end: 3, title: "Één & twee"),
  ]

  func copy(_ fixture: String, into folder: TemporaryFolder) throws -> URL {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/mp3/\(fixture)", withExtension: nil))
    return try folder.write(fixture, try Data(contentsOf: url))
  }

  @Test(arguments: ["id3v23-art.mp3", "id3v24-art.mp3", "chapters.mp3", "cbr-128k-stereo.mp3"])
  func keepsEveryOtherTagAndTheAudio(_ fixture: String) throws {
    let folder = try TemporaryFolder()
    let file = try copy(fixture, into: folder)
    let before = MediaProbe().probe(path: file.path)
    let size = try ChapterEmbedder.embed(Self.marks, into: file.path)
    let after = MediaProbe().probe(path: file.path)
    #expect(size == after.size)
    #expect(after.chapters.map(\.title) == ["Begin", "Één & twee"])
    #expect(after.chapters.map(\.start) == [0, 1.5])
    #expect(after.chapters.map(\.end) == [1.5, 3])
    #expect(after.tags == before.tags)
    #expect(after.artwork == before.artwork)
    #expect(after.duration == before.duration)
    #expect(after.findings.filter { $0.severity >= .warning }.map(\.ruleID) == before.findings.filter { $0.severity >= .warning }.map(\.ruleID))
  }

  /// ffmpeg's own chapter track (and `chpl`) give way to ours: ffprobe, mutagen and the probe see
  /// only the new chapters, and embedding again gives the same bytes.
  @Test func anEarlierQuickTimeChapterTrackIsReplaced() throws {
    let folder = try TemporaryFolder()
    let old = (0..<4).map { MediaTools.Mark(Double($0), Double($0 + 1), "Oud \($0)") }
    try MediaTools.tone(seconds: 4, to: "tone.m4a", chapters: old, in: folder.url)
    let path = folder.url.appendingPathComponent("tone.m4a").path
    let size = try ChapterEmbedder.embed(Self.marks, into: path)
    let titles = Self.marks.map(\.title)
    #expect(MediaProbe().probe(path: path).chapters.map(\.title) == titles)
    #expect(try MediaTools.ffprobeChapters("tone.m4a", in: folder.url).map(\.title) == titles)
    #expect(try MediaTools.mutagenChapters("tone.m4a", in: folder.url).map(\.title) == titles)
    let bytes = try folder.read("tone.m4a")
    #expect(Int64(bytes.count) == size)
    #expect(try ChapterEmbedder.embed(Self.marks, into: path) == size)
    #expect(try folder.read("tone.m4a") == bytes)
  }

  /// The chapter track is what ffprobe reads (as Apple's players do), not `chpl`: with a title
  /// changed in `chpl` alone ffprobe still gives the track's, and with `chpl` gone it still
  /// finds every chapter, start and end, while mutagen, which reads only `chpl`, finds none.
  @Test(arguments: [true, false])
  func theChapterTrackIsReadWithoutChpl(faststart: Bool) throws {
    let folder = try TemporaryFolder()
    try MediaTools.run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-codec:a", "aac"]
      + (faststart ? ["-movflags", "+faststart"] : []) + ["tone.m4a"], in: folder.url)
    let path = folder.url.appendingPathComponent("tone.m4a").path
    _ = try ChapterEmbedder.embed(Self.marks, into: path)
    var bytes = [UInt8](try folder.read("tone.m4a"))
    let chpl = try #require(bytes.indices.dropLast(4).first { bytes[$0..<$0 + 4].elementsEqual("chpl".utf8) })
    let begin = try #require((chpl..<bytes.count - 5).first { bytes[$0..<$0 + 5].elementsEqual("Begin".utf8) })
    bytes[begin + 1] = UInt8(ascii: "x")
    try folder.write("tone.m4a", Data(bytes))
    #expect(try MediaTools.mutagenChapters("tone.m4a", in: folder.url).map(\.title) == ["Bxgin", "Één & twee"])
    #expect(try MediaTools.ffprobeChapters("tone.m4a", in: folder.url).map(\.title) == ["Begin", "Één & twee"])

    bytes.replaceSubrange(chpl..<chpl + 4, with: Array("free".utf8))
    try folder.write("tone.m4a", Data(bytes))
    #expect(try MediaTools.mutagenChapters("tone.m4a", in: folder.url).isEmpty)
    let ffprobe = try MediaTools.ffprobeChapters("tone.m4a", in: folder.url)
    #expect(ffprobe.map(\.title) == ["Begin", "Één & twee"])
    #expect(ffprobe.map(\.start) == [0, 1.5])
    #expect(ffprobe.map(\.end) == [1.5, 3])
    let probe = MediaProbe().probe(path: path)
    #expect(probe.chapters.map(\.title) == ["Begin", "Één & twee"])
    #expect(probe.findings.filter { $0.severity >= .warning }.map(\.ruleID) == (faststart ? [] : ["PROBE-FASTSTART"]))
    #expect(try MediaTools.decodedSeconds("tone.m4a", in: folder.url) > 3.9)
  }

  /// A lead-in before the first chapter: the chapter track starts it at 0, as ffmpeg's does, so
  /// Apple's players show no untitled chapter; `chpl` keeps the exact start.
  @Test func aLeadInBelongsToTheFirstChapterInTheTrack() throws {
    let folder = try TemporaryFolder()
    try MediaTools.tone(seconds: 4, to: "tone.m4a", in: folder.url)
    let marks = [ChapterEmbedder.Mark(start: 0.75, end: 2, title: "Een"), ChapterEmbedder.Mark(start: 2, end: 4, title: "Twee")]
    _ = try ChapterEmbedder.embed(marks, into: folder.url.appendingPathComponent("tone.m4a").path)
    let ffprobe = try MediaTools.ffprobeChapters("tone.m4a", in: folder.url)
    #expect(ffprobe.map(\.start) == [0, 2])
    #expect(ffprobe.map(\.end) == [2, 4])
    #expect(try MediaTools.mutagenChapters("tone.m4a", in: folder.url).map(\.start) == [0.75, 2])
  }

  /// A box of size 0 (to the end of its parent) last in `moov`, as the fuzzer found (here the
  /// `udta` made a `free` box): written out with its real size, so it doesn't swallow the new
  /// `udta` and embedding again changes nothing.
  @Test func aBoxOfSizeZeroLastInTheMovieStaysItsSize() throws {
    let folder = try TemporaryFolder()
    try MediaTools.tone(seconds: 3, to: "tone.m4a", in: folder.url)
    var bytes = [UInt8](try folder.read("tone.m4a"))
    let udta = try #require(bytes.indices.dropLast(4).last { bytes[$0..<$0 + 4].elementsEqual("udta".utf8) })
    bytes.replaceSubrange(udta - 4..<udta + 4, with: [0, 0, 0, 0] + Array("free".utf8))
    try folder.write("tone.m4a", Data(bytes))
    let path = folder.url.appendingPathComponent("tone.m4a").path
    let size = try ChapterEmbedder.embed(Self.marks, into: path)
    let once = try folder.read("tone.m4a")
    #expect(try ChapterEmbedder.embed(Self.marks, into: path) == size)
    #expect(try folder.read("tone.m4a") == once)
    #expect(try MediaTools.ffprobeChapters("tone.m4a", in: folder.url).map(\.title) == Self.marks.map(\.title))
    #expect(try MediaTools.mutagenChapters("tone.m4a", in: folder.url).map(\.title) == Self.marks.map(\.title))
  }

  /// Every truncation and many one-byte corruptions of the start of an MP3 and an M4A (tags, box
  /// headers, the movie box): refused with the file unchanged, or written so the probe reads it;
  /// never a crash, and never a stray file beside it.
  @Test func damagedFilesAreRefusedOrWrittenNeverBroken() throws {
    let folder = try TemporaryFolder()
    try MediaTools.tone(seconds: 3, to: "tone.m4a", in: folder.url)
    let originals = [try Data(contentsOf: try copy("id3v24-art.mp3", into: folder)), try folder.read("tone.m4a")]
    var refused = 0
    for (index, original) in originals.enumerated() {
      var variants: [Data] = []
      for cut in stride(from: 4, to: min(original.count, 6000), by: 97) { variants.append(original.prefix(cut)) }
      for position in stride(from: 0, to: min(original.count, 6000), by: 23) {
        var damaged = original
        damaged[position] ^= position % 2 == 0 ? 0xFF : 0x80
        variants.append(damaged)
      }
      for (number, variant) in variants.enumerated() {
        let name = "v\(index)-\(number).\(index == 0 ? "mp3" : "m4a")"
        let url = try folder.write(name, variant)
        do {
          _ = try ChapterEmbedder.embed(Self.marks, into: url.path)
          _ = MediaProbe().probe(path: url.path)
        } catch {
          refused += 1
          #expect(try Data(contentsOf: url) == variant, "\(name): \(error)")
        }
      }
    }
    #expect(refused > 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") } == [])
  }

  /// A box whose 64-bit size is near the largest signed number, after the file's other boxes:
  /// refused unchanged, not a trap on adding that size to where the box starts.
  @Test func aBoxWithAHugeSizeIsRefusedUnchanged() throws {
    let folder = try TemporaryFolder()
    try MediaTools.tone(seconds: 3, to: "tone.m4a", in: folder.url)
    var bytes = [UInt8](try folder.read("tone.m4a"))
    let huge: [UInt8] = [0, 0, 0, 1] + Array("free".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0]
    bytes += huge
    let url = try folder.write("hostile.m4a", Data(bytes))
    #expect(throws: ChapterEmbedder.Refusal.self) { try ChapterEmbedder.embed(Self.marks, into: url.path) }
    #expect(try folder.read("hostile.m4a") == Data(bytes))
  }
}
