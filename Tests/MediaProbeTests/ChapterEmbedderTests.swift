import Foundation
@testable import MediaProbe
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

  /// A lead-in before the first chapter: the chapter track shows nothing until it starts (an
  /// empty edit), so ffprobe, mutagen (`chpl`) and the probe all read the exact times, the probe
  /// from the track alone too; a lead-in on a video, whose movie clock is not the track's, too.
  @Test(arguments: [false, true])
  func aLeadInKeepsTheFirstChaptersStart(video: Bool) throws {
    let folder = try TemporaryFolder()
    let name = video ? "video.mp4" : "tone.m4a"
    if video { try MediaTools.video(seconds: 4, to: name, in: folder.url) } else { try MediaTools.tone(seconds: 4, to: name, in: folder.url) }
    let marks = [ChapterEmbedder.Mark(start: 0.75, end: 2, title: "Een"), ChapterEmbedder.Mark(start: 2, end: 4, title: "Twee")]
    let path = folder.url.appendingPathComponent(name).path
    let size = try ChapterEmbedder.embed(marks, into: path)
    let ffprobe = try MediaTools.ffprobeChapters(name, in: folder.url)
    #expect(ffprobe.map(\.start) == [0.75, 2])
    #expect(ffprobe.map(\.end) == [2, 4])
    #expect(try MediaTools.mutagenChapters(name, in: folder.url).map(\.start) == [0.75, 2])
    #expect(MediaProbe().probe(path: path).chapters.map(\.start) == [0.75, 2])
    let once = try folder.read(name)
    #expect(try ChapterEmbedder.embed(marks, into: path) == size)
    #expect(try folder.read(name) == once)
    #expect(try MediaTools.decodedSeconds(name, in: folder.url) > 3.9)

    // Without `chpl`, the probe reads the track and its edit list.
    var bytes = [UInt8](once)
    let chpl = try #require(bytes.indices.dropLast(4).first { bytes[$0..<$0 + 4].elementsEqual("chpl".utf8) })
    bytes.replaceSubrange(chpl..<chpl + 4, with: Array("free".utf8))
    try folder.write(name, Data(bytes))
    let probed = MediaProbe().probe(path: path).chapters
    #expect(probed.map(\.start) == [0.75, 2])
    #expect(probed.map(\.end) == [2, 4])
    #expect(probed.map(\.title) == ["Een", "Twee"])
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

  /// The file's status, for comparing owner, mode and identity.
  func status(_ url: URL) throws -> stat {
    var info = stat()
    try #require(lstat(url.path, &info) == 0)
    return info
  }

  /// Another program writes to the file, or puts another in its place, while the new one is
  /// written: the rename would lose its bytes, so the embed is refused and the file holds exactly
  /// what the other program left, with nothing beside it.
  @Test(arguments: ["grows", "shrinks", "written in place", "replaced", "made a symbolic link"])
  func aFileThatChangesWhileRewrittenIsLeftAsTheOtherProgramLeftIt(_ change: String) throws {
    let folder = try TemporaryFolder()
    let file = try copy("id3v23-art.mp3", into: folder)
    // An old modification time, so a write in the same clock tick still shows.
    var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
    try #require(utimes(file.path, &times) == 0)
    let original = try Data(contentsOf: file)
    let other = try folder.write("other.mp3", Data(original.reversed()))
    var expected = original
    let before = {
      switch change {
      case "grows":
        let handle = try! FileHandle(forWritingTo: file)
        try! handle.seekToEnd()
        try! handle.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try! handle.close()
        expected += Data(repeating: 0xFF, count: 4096)
      case "shrinks":
        truncate(file.path, off_t(original.count - 100))
        expected = original.prefix(original.count - 100)
      case "written in place":
        let handle = try! FileHandle(forWritingTo: file)
        try! handle.seek(toOffset: UInt64(original.count - 1))
        try! handle.write(contentsOf: Data([original.last! ^ 0xFF]))
        try! handle.close()
        expected[expected.count - 1] ^= 0xFF
      case "replaced":
        rename(other.path, file.path)
        expected = Data(original.reversed())
      default:
        unlink(file.path)
        symlink("other.mp3", file.path)
        expected = Data(original.reversed())
      }
    }
    #expect {
      try ChapterEmbedder.embed(Self.marks, into: file.path, beforeSwap: before)
    } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains("changed while Podium rewrote it") == true }
    #expect(try Data(contentsOf: file) == expected)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") } == [])
  }

  /// The new file has the old one's owner, group and mode (as root, a file of another user; as
  /// anyone else, one's own file with a group-readable mode).
  @Test func theNewFileKeepsOwnerGroupAndMode() throws {
    let folder = try TemporaryFolder()
    let file = try copy("id3v24-art.mp3", into: folder)
    let (user, group) = geteuid() == 0 ? (uid_t(4242), gid_t(4343)) : (geteuid(), getegid())
    try #require(chown(file.path, user, group) == 0)
    try #require(chmod(file.path, 0o640) == 0)
    let before = try status(file)
    _ = try ChapterEmbedder.embed(Self.marks, into: file.path)
    let after = try status(file)
    #expect(after.st_ino != before.st_ino)
    #expect(after.st_uid == user)
    #expect(after.st_gid == group)
    #expect(after.st_mode & 0o7777 == 0o640)
  }

  /// What an embed killed half-way left (`.NAME.podium-PID`, or with a random part) is removed by
  /// the next embed of that file when its process is gone; everything else is left alone: another
  /// file's, a live process's, a name that only looks like it, a link, a folder. The new file's
  /// name is never one that exists, so a link put there in advance leads nowhere.
  @Test func aDeadRunsNewFileIsRemovedAndNothingElse() throws {
    let folder = try TemporaryFolder()
    _ = try copy("cbr-128k-stereo.mp3", into: folder)
    let victim = try folder.write("victim.txt", "keep me")
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let dead = finished.processIdentifier
    let stale = [".cbr-128k-stereo.mp3.podium-\(dead)", ".cbr-128k-stereo.mp3.podium-\(dead)-9f3a0c"]
    let others = [
      ".cbr-128k-stereo.mp3.podium-1", ".cbr-128k-stereo.mp3.podium-\(getpid())-1", ".other.mp3.podium-\(dead)",
      ".cbr-128k-stereo.mp3.podium-\(dead).bak", ".cbr-128k-stereo.mp3.podium-\(dead)-xyz", ".cbr-128k-stereo.mp3.podium-x\(dead)",
      ".cbr-128k-stereo.mp3.podium-+\(dead)", ".cbr-128k-stereo.mp3.podium-\(dead)-+1f", ".cbr-128k-stereo.mp3.podium-\(dead)-",
      // Fullwidth hex digits are hex digits to Swift, but never in a name Podium writes.
      ".cbr-128k-stereo.mp3.podium-\(dead)-\u{FF41}1",
    ]
    for name in stale + others { _ = try folder.write(name, "half") }
    let links = [".cbr-128k-stereo.mp3.podium-\(getpid())", ".cbr-128k-stereo.mp3.podium-\(dead)-1"]
    for name in links { try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent(name).path, withDestinationPath: "victim.txt") }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(".cbr-128k-stereo.mp3.podium-\(dead)-2"), withIntermediateDirectories: false)

    _ = try ChapterEmbedder.embed(Self.marks, into: folder.url.appendingPathComponent("cbr-128k-stereo.mp3").path)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") })
    #expect(left == Set(others + links + [".cbr-128k-stereo.mp3.podium-\(dead)-2"]))
    for name in others { #expect(try folder.read(name) == Data("half".utf8)) }
    #expect(try Data(contentsOf: victim) == Data("keep me".utf8))
    for name in links { #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.url.appendingPathComponent(name).path) == "victim.txt") }
    #expect(MediaProbe().probe(path: folder.url.appendingPathComponent("cbr-128k-stereo.mp3").path).chapters.count == 2)
  }

  /// A pipe, a link to a pipe and a folder are refused at once, without waiting for a writer.
  @Test func aPipeOrAFolderIsRefusedWithoutWaiting() throws {
    let folder = try TemporaryFolder()
    let pipe = folder.url.appendingPathComponent("pipe.mp3").path
    try #require(mkfifo(pipe, 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("link.mp3").path, withDestinationPath: "pipe.mp3")
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("folder.mp3"), withIntermediateDirectories: false)
    for (name, words) in [("pipe.mp3", "not a plain file"), ("link.mp3", "symbolic link"), ("folder.mp3", "not a plain file")] {
      #expect {
        try ChapterEmbedder.embed(Self.marks, into: folder.url.appendingPathComponent(name).path)
      } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains(words) == true }
    }
  }

  /// A read-only file is refused and left as it was, though the folder would let it be replaced.
  @Test func aReadOnlyFileIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let file = try copy("cbr-128k-stereo.mp3", into: folder)
    let before = try Data(contentsOf: file)
    try #require(chmod(file.path, 0o444) == 0)
    #expect {
      try ChapterEmbedder.embed(Self.marks, into: file.path)
    } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains("read-only") == true }
    #expect(try Data(contentsOf: file) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["cbr-128k-stereo.mp3"])
  }

  /// An ID3 tag that the chapters would take past 2^28 - 1 bytes, the most its 28-bit size can
  /// say, is refused with the file unchanged, instead of a size that wraps. The tag's large frame
  /// is a hole in a sparse file, and is copied, not read into memory, by the writer.
  @Test func anID3TagPastItsLargestSizeIsRefused() throws {
    let folder = try TemporaryFolder()
    let size = Int(ID3ChapterTag.maximumSize) - 40
    let frame = size - 10
    var head: [UInt8] = Array("ID3".utf8) + [3, 0, 0] + [21, 14, 7, 0].map { UInt8((size >> $0) & 0x7F) }
    head += Array("PRIV".utf8) + [24, 16, 8, 0].map { UInt8((frame >> $0) & 0xFF) } + [0, 0]
    let url = try folder.write("large.mp3", Data(head))
    let handle = try FileHandle(forWritingTo: url)
    try handle.seek(toOffset: UInt64(10 + size))
    try handle.write(contentsOf: SampleMedia.mp3(seconds: 1))
    try handle.close()
    let before = try status(url)
    #expect {
      try ChapterEmbedder.embed(Self.marks, into: url.path)
    } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains("more than the 268435455 an ID3v2 tag can hold") == true }
    let after = try status(url)
    #expect(after.st_ino == before.st_ino && after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["large.mp3"])
    // A little smaller, and the same chapters fit: written, with the large frame kept.
    let small = try folder.write("small.mp3", Data(Array("ID3".utf8) + [3, 0, 0, 0, 0, 0, 30] + Array("PRIV".utf8) + [0, 0, 0, 20, 0, 0]
      + [UInt8](repeating: 7, count: 20) + [UInt8](SampleMedia.mp3(seconds: 1))))
    _ = try ChapterEmbedder.embed(Self.marks, into: small.path)
    #expect(MediaProbe().probe(path: small.path).chapters.map(\.title) == Self.marks.map(\.title))
    #expect(try folder.read("small.mp3").range(of: Data(Array("PRIV".utf8) + [0, 0, 0, 20, 0, 0] + [UInt8](repeating: 7, count: 20))) != nil)
  }

  /// An ID3 tag whose size has a byte above 127 is no tag to the probe; written with a size it
  /// reads, the MP4 behind it (as the embed fuzz target found) would become an MP4 that the next
  /// embed refuses. Refused unchanged instead.
  @Test func anID3SizeThatIsNotSyncsafeIsRefused() throws {
    let folder = try TemporaryFolder()
    // MPEG audio in an MP4, so the probe finds MP3 frames behind what is no tag to it.
    try MediaTools.run(
      "ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-codec:a", "libmp3lame", "tone.mp4"],
      in: folder.url)
    var bytes: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0x94, 0]
    bytes += Array("TIT2".utf8) + [0, 0, 0, 6, 0, 0, 3] + Array("Titel".utf8)
    bytes += [UInt8](repeating: 0, count: 2560 - 16) + [UInt8](try folder.read("tone.mp4"))
    #expect(MediaProbe().probe(bytes: bytes, name: "hostile.mp3").container == .mp3)
    let url = try folder.write("hostile.mp3", Data(bytes))
    #expect {
      try ChapterEmbedder.embed(Self.marks, into: url.path)
    } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains("not an ID3v2 size") == true }
    #expect(try folder.read("hostile.mp3") == Data(bytes))
  }

  /// A tag that alternates tiny old chapter frames with tiny other frames is refused unchanged
  /// once the runs of frames to keep pass ``ID3ChapterTag/maximumRuns``, instead of keeping a
  /// range per frame; the same tag with fewer runs is written, its other frames kept in order.
  @Test(arguments: [ID3ChapterTag.maximumRuns + 1, 3])
  func aTagOfInterleavedFramesIsBounded(runs: Int) throws {
    let folder = try TemporaryFolder()
    var frames: [UInt8] = []
    for run in 0..<runs {
      frames += Array("PRIV".utf8) + [0, 0, 0, 2, 0, 0] + [UInt8(run & 0xFF), UInt8(run >> 8)]
      frames += Array("CHAP".utf8) + [0, 0, 0, 1, 0, 0, 0]
    }
    let size = frames.count
    let bytes = Array("ID3".utf8) + [3, 0, 0] + [21, 14, 7, 0].map { UInt8((size >> $0) & 0x7F) } + frames
      + [UInt8](SampleMedia.mp3(seconds: 1))
    let url = try folder.write("interleaved.mp3", Data(bytes))
    if runs > ID3ChapterTag.maximumRuns {
      #expect {
        try ChapterEmbedder.embed(Self.marks, into: url.path)
      } throws: { ($0 as? ChapterEmbedder.Refusal)?.description.contains("interleaves its old chapter frames") == true }
      #expect(try folder.read("interleaved.mp3") == Data(bytes))
    } else {
      _ = try ChapterEmbedder.embed(Self.marks, into: url.path)
      #expect(MediaProbe().probe(path: url.path).chapters.map(\.title) == Self.marks.map(\.title))
      let written = try folder.read("interleaved.mp3")
      let kept = (0..<runs).map { Data(Array("PRIV".utf8) + [0, 0, 0, 2, 0, 0] + [UInt8($0 & 0xFF), UInt8($0 >> 8)]) }
      #expect(kept.allSatisfy { written.range(of: $0) != nil })
    }
  }
}
