import Foundation
import Testing

@testable import MediaProbe

/// Real files made by `Fixtures/make-mp4.sh`. Durations are the decoded lengths (`ffmpeg -f null`,
/// last `time=`); a probe must be within one frame (`frame`, in seconds) of them.
@Suite struct MP4ParserTests {
  struct Expected: Sendable, CustomStringConvertible {
    var file: String
    var mimeType: String
    var decoded: Double
    var frame: Double
    var codecs: [String]
    var sampleRate: Int?
    var channels: Int?
    var width: Int? = nil
    var height: Int? = nil
    var frameRate: Double? = nil
    var faststart: Bool
    var description: String { file }
  }

  static let fixtures: [Expected] = [
    Expected(
      file: "aac-faststart.m4a", mimeType: "audio/x-m4a", decoded: 2.50, frame: 1024 / 22050, codecs: ["mp4a.40.2"],
      sampleRate: 22050, channels: 1, faststart: true),
    Expected(
      file: "aac-moov-at-end.m4a", mimeType: "audio/x-m4a", decoded: 2.50, frame: 1024 / 22050, codecs: ["mp4a.40.2"],
      sampleRate: 22050, channels: 1, faststart: false),
    Expected(
      file: "h264-aac.mp4", mimeType: "video/mp4", decoded: 2.02, frame: 1.0 / 25,
      codecs: ["avc1.64000b", "mp4a.40.2"],
      sampleRate: 44100, channels: 1, width: 160, height: 90, frameRate: 25, faststart: true),
    Expected(
      file: "h264-aac.mov", mimeType: "video/quicktime", decoded: 2.02, frame: 1.0 / 25,
      codecs: ["avc1.64000b", "mp4a.40.2"], sampleRate: 44100, channels: 1, width: 160, height: 90, frameRate: 25,
      faststart: false),
    Expected(
      file: "h264-aac.m4v", mimeType: "video/x-m4v", decoded: 2.02, frame: 1.0 / 24,
      codecs: ["avc1.64000a", "mp4a.40.2"],
      sampleRate: 44100, channels: 1, width: 160, height: 90, frameRate: 24, faststart: true),
    Expected(
      file: "hevc.mp4", mimeType: "video/mp4", decoded: 1.00, frame: 1001.0 / 30000, codecs: ["hvc1.1.6.L30.90"],
      width: 160, height: 90, frameRate: 30000.0 / 1001, faststart: false),
    Expected(
      file: "av1.mp4", mimeType: "video/mp4", decoded: 1.00, frame: 1.0 / 10, codecs: ["av01.0.00M.08"], width: 160,
      height: 96, frameRate: 10, faststart: false),
    Expected(
      file: "chapters.m4b", mimeType: "audio/x-m4b", decoded: 3.00, frame: 1024 / 16000, codecs: ["mp4a.40.2"],
      sampleRate: 16000, channels: 1, faststart: true),
    Expected(
      file: "mp3.mp4", mimeType: "audio/x-m4a", decoded: 1.01, frame: 1152 / 44100, codecs: ["mp4a.6B"],
      sampleRate: 44100, channels: 1, faststart: false),
    Expected(
      file: "ac3.mp4", mimeType: "audio/x-m4a", decoded: 1.01, frame: 1536 / 48000, codecs: ["ac-3"], sampleRate: 48000,
      channels: 1, faststart: false),
    Expected(
      file: "eac3.mp4", mimeType: "audio/x-m4a", decoded: 1.01, frame: 1536 / 48000, codecs: ["ec-3"],
      sampleRate: 48000, channels: 1, faststart: false),
    Expected(
      file: "opus.mp4", mimeType: "audio/x-m4a", decoded: 1.01, frame: 960 / 48000, codecs: ["opus"], sampleRate: 48000,
      channels: 1, faststart: false),
    Expected(
      file: "flac.mp4", mimeType: "audio/x-m4a", decoded: 1.00, frame: 4608 / 8000, codecs: ["fLaC"], sampleRate: 8000,
      channels: 1, faststart: false),
    Expected(
      file: "alac.m4a", mimeType: "audio/x-m4a", decoded: 1.00, frame: 4096 / 8000, codecs: ["alac"], sampleRate: 8000,
      channels: 1, faststart: false),
  ]

  @Test(arguments: fixtures) func fixture(_ expected: Expected) throws {
    let path = try MP4Fixture.url(expected.file).path
    let info = MediaProbe().probe(path: path)
    #expect(info.container == .mp4)
    #expect(info.mimeType == expected.mimeType)
    let duration = try #require(info.duration)
    #expect(abs(duration - expected.decoded) <= expected.frame, "probed \(duration) s, decoded \(expected.decoded) s")
    #expect(info.codecs == expected.codecs)
    #expect(info.sampleRate == expected.sampleRate)
    #expect(info.channels == expected.channels)
    #expect(info.width == expected.width)
    #expect(info.height == expected.height)
    if let frameRate = expected.frameRate {
      #expect(abs((info.frameRate ?? 0) - frameRate) < 0.001)
    } else {
      #expect(info.frameRate == nil)
    }
    #expect(info.faststart == expected.faststart)
    #expect(info.bitrate == Int((Double(info.size) * 8 / duration).rounded()))
    #expect(MP4Fixture.rules(info) == (expected.faststart ? [] : ["PROBE-FASTSTART"]))
    // Small files are read whole, in one go; never more.
    #expect(info.bytesRead <= info.size + 128)
  }

  @Test func notFaststartSaysWhereMoovIs() throws {
    let info = MediaProbe().probe(path: try MP4Fixture.url("aac-moov-at-end.m4a").path)
    let finding = try #require(info.findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.message.contains("moov is at byte 7835 after mdat"))
    #expect(finding.message.contains("ffmpeg -movflags +faststart"))
  }

  @Test func tracksKeepTheirOwnValues() throws {
    let info = MediaProbe().probe(path: try MP4Fixture.url("h264-aac.mov").path)
    #expect(info.tracks.map(\.kind) == [.video, .audio])
    let video = info.tracks[0]
    let audio = info.tracks[1]
    #expect(video.codec == "avc1.64000b")
    #expect((video.width, video.height) == (160, 90))
    #expect(video.frameRate == 25)
    #expect(video.duration == 2)
    #expect(audio.codec == "mp4a.40.2")
    #expect(audio.sampleRate == 44100)
    #expect(audio.channels == 1)
    #expect(audio.width == nil)
  }

  @Test func tagsAndPngCover() throws {
    let info = MediaProbe().probe(path: try MP4Fixture.url("aac-faststart.m4a").path)
    #expect(info.tags == ["title": "AAC Tone", "artist": "Podium"])
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/png", width: 32, height: 32, size: 117)])
  }

  static let chapters = [
    MediaChapter(start: 0, end: 1, title: "Intro"), MediaChapter(start: 1, end: 2.2, title: "Middle ☕"),
    MediaChapter(start: 2.2, end: 3, title: "Outro"),
  ]

  @Test func quickTimeChapterTrack() throws {
    let info = MediaProbe().probe(path: try MP4Fixture.url("chapters.m4b").path)
    #expect(info.chapters == Self.chapters)
    // The chapter track is not a media track, and the cover is a JPEG.
    #expect(info.tracks.map(\.kind) == [.audio])
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/jpeg", width: 48, height: 32, size: 215)])
  }

  @Test func neroChaptersWhenNoTrackNamesAChapterTrack() throws {
    var bytes = try MP4Fixture.bytes("chapters.m4b")
    MP4Fixture.patch(&bytes, at: try MP4Fixture.offset(of: "chap", in: bytes) + 4, Array("xxxx".utf8))
    let info = MP4Fixture.probe(bytes, name: "nero.m4b")
    #expect(info.chapters.map(\.title) == Self.chapters.map(\.title))
    for (found, expected) in zip(info.chapters, Self.chapters) {
      #expect(abs(found.start - expected.start) < 0.001)
      #expect(abs((found.end ?? 0) - (expected.end ?? 0)) < 0.001)
    }
    #expect(info.findings.isEmpty)
  }

  /// `mdhd` version 0 with a timescale of 1000, then `hdlr`.
  static func track(handler: String, milliseconds: UInt32) -> [UInt8] {
    let mdhd = MP4Fixture.box(
      "mdhd",
      [UInt8](repeating: 0, count: 12) + MP4Fixture.u32(1000) + MP4Fixture.u32(milliseconds) + [0x15, 0xC7, 0, 0])
    let hdlr = MP4Fixture.box(
      "hdlr", [UInt8](repeating: 0, count: 8) + Array(handler.utf8) + [UInt8](repeating: 0, count: 13))
    return MP4Fixture.box("trak", MP4Fixture.box("mdia", mdhd + hdlr))
  }

  static func movie(milliseconds: UInt32, _ boxes: [UInt8]) -> [UInt8] {
    MP4Fixture.ftyp + MP4Fixture.box("moov", MP4Fixture.mvhd(milliseconds: milliseconds) + boxes)
  }

  @Test func quickTimeTextAtomsAndPlainMeta() {
    let text = MP4Fixture.box("©nam", MP4Fixture.u16(5) + MP4Fixture.u16(0) + Array("Hello".utf8))
    let data = MP4Fixture.box("data", MP4Fixture.u32(1) + MP4Fixture.u32(0) + Array("Someone".utf8))
    // QuickTime's meta has no version and flags before its children.
    let meta = MP4Fixture.box("meta", MP4Fixture.box("ilst", MP4Fixture.box("©ART", data)))
    let info = MP4Fixture.probe(
      Self.movie(
        milliseconds: 1500, Self.track(handler: "soun", milliseconds: 1500) + MP4Fixture.box("udta", text + meta)))
    #expect(info.tags == ["title": "Hello", "artist": "Someone"])
    #expect(info.tracks.first?.language == "eng")
    #expect(info.duration == 1.5)
    #expect(info.findings.isEmpty)
  }

  @Test func movieHeaderThatDisagreesWithItsTracks() {
    let info = MP4Fixture.probe(Self.movie(milliseconds: 100_000, Self.track(handler: "soun", milliseconds: 2000)))
    #expect(MP4Fixture.rules(info) == ["PROBE-HEADER"])
    #expect(
      info.findings.first?.message == "mvhd says the movie lasts 100.00 s, but its longest track (mdhd) holds 2.00 s")
    #expect(info.duration == 100)
  }

  @Test func fragmentedDurationFromMehd() {
    let mehd = MP4Fixture.box("mehd", MP4Fixture.u32(0) + MP4Fixture.u32(5000))
    let info = MP4Fixture.probe(
      Self.movie(milliseconds: 0, Self.track(handler: "vide", milliseconds: 0) + MP4Fixture.box("mvex", mehd)))
    #expect(info.duration == 5)
    #expect(info.mimeType == "video/mp4")
  }

  @Test func fragmentedDurationFromSegmentIndex() {
    let references = (0..<3).flatMap { _ in MP4Fixture.u32(100) + MP4Fixture.u32(90_000) + MP4Fixture.u32(0x9000_0000) }
    let sidx = MP4Fixture.box(
      "sidx",
      [0, 0, 0, 0] + MP4Fixture.u32(1) + MP4Fixture.u32(45_000) + [UInt8](repeating: 0, count: 10) + MP4Fixture.u16(3)
        + references)
    let fragment =
      MP4Fixture.box("moof", MP4Fixture.box("mfhd", [UInt8](repeating: 0, count: 8)))
      + MP4Fixture.box("mdat", [1, 2, 3])
    let info = MP4Fixture.probe(
      Self.movie(milliseconds: 0, Self.track(handler: "soun", milliseconds: 0)) + sidx + fragment + fragment)
    #expect(info.duration == 6)
    #expect(info.faststart == true)
    #expect(info.findings.isEmpty)
  }

  typealias ChapterTrack = MP4ChapterTrack<MemoryByteSource>

  @Test func chapterSampleOffsets() {
    #expect(
      ChapterTrack.sampleOffsets(sizes: [10, 10, 10], runs: [(1, 1)], chunks: [100, 200, 300]) == [100, 200, 300])
    #expect(
      ChapterTrack.sampleOffsets(sizes: [5, 6, 7], runs: [(1, 2), (2, 1)], chunks: [100, 200]) == [100, 105, 200])
    // Runs that go back over chunks, or claim billions of samples, stop at what the tables hold.
    #expect(ChapterTrack.sampleOffsets(sizes: [1, 1], runs: [(2, 0), (1, 5)], chunks: [100, 200]) == [])
    #expect(ChapterTrack.sampleOffsets(sizes: [1, 1], runs: [(1, .max)], chunks: [100]) == [100, 101])
    #expect(ChapterTrack.sampleOffsets(sizes: [1], runs: [(9, 1)], chunks: [100]) == [])
  }

  @Test(
    arguments: [
      ([0, 5] + Array("Intro".utf8), "Intro"), ([0, 8, 0xFE, 0xFF, 0, 0x48, 0, 0x69, 0, 0], "Hi"),
      ([0, 6, 0xFF, 0xFE, 0x48, 0, 0x69, 0], "Hi"), ([0, 200, 0x41], "A"), ([0, 0], nil), ([7], nil),
    ] as [([UInt8], String?)])
  func chapterTitle(_ sample: [UInt8], _ title: String?) {
    #expect(ChapterTrack.title(sample[...]) == title)
  }

  @Test func depthLimitIsAFinding() throws {
    var limits = ProbeLimits()
    limits.maximumDepth = 3
    let info = MediaProbe(limits: limits).probe(path: try MP4Fixture.url("h264-aac.mp4").path)
    #expect(MP4Fixture.rules(info).contains("PROBE-LIMIT"))
    #expect(info.duration == 2)
    #expect(info.codecs.isEmpty)
  }

  @Test(
    arguments: [
      ([0, 0, 0, 0x18] + Array("ftypisom".utf8), true),
      ([0, 0, 0, 0x08] + Array("wide".utf8), true),
      ([0, 0, 0, 0x01] + Array("mdat".utf8), true),
      ([0, 0, 0, 0x00] + Array("moov".utf8), true),
      ([0, 0, 0, 0x04] + Array("free".utf8), false),
      ([0, 0, 0, 0x08] + Array("ftyp".utf8), false),
      ([0, 0, 0, 0x20] + Array("moof".utf8), false),
      (Array("ID3\u{4}\0\0\0\0\0\0".utf8), false),
      ([0, 0, 0, 0x18] + Array("fty".utf8), false),
    ] as [([UInt8], Bool)])
  func matches(_ head: [UInt8], _ expected: Bool) {
    #expect(MP4Parser.matches(head) == expected)
  }
}
