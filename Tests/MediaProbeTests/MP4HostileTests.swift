import PodiumTestSupport
import Testing

@testable import MediaProbe

/// Hostile and broken MPEG-4 files: each gives a clear finding, never a crash, a hang or a
/// large read.
@Suite struct MP4HostileTests {
  /// A movie with a header and a bare audio track, then `inner`, which starts at `innerOffset`.
  static func movie(_ inner: [UInt8] = []) -> [UInt8] {
    MP4Fixture.ftyp + MP4Fixture.box("moov", MP4Fixture.mvhd(milliseconds: 1000) + MP4Fixture.audioTrack + inner)
  }

  static let moovOffset = MP4Fixture.ftyp.count
  static let innerOffset = movie().count

  static func message(_ info: MediaInfo, _ rule: String) -> String {
    info.findings.first { $0.ruleID == rule }?.message ?? ""
  }

  @Test func onlyAnFtypBox() {
    let info = MP4Fixture.probe(MP4Fixture.ftyp)
    #expect(info.container == .mp4)
    #expect(MP4Fixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(Self.message(info, "PROBE-MALFORMED").contains("there is no 'moov' box"))
  }

  @Test func zeroSizeBoxInTheMiddleOfTheFile() {
    let info = MP4Fixture.probe(
      MP4Fixture.ftyp + MP4Fixture.header("free", size: 0) + [1, 2, 3, 4]
        + Self.movie().dropFirst(MP4Fixture.ftyp.count))
    #expect(MP4Fixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(Self.message(info, "PROBE-MALFORMED").contains("'free' box at byte \(Self.moovOffset) has size 0"))
  }

  @Test func zeroSizeBoxInsideMoov() {
    let info = MP4Fixture.probe(Self.movie(MP4Fixture.header("udta", size: 0) + [UInt8](repeating: 7, count: 20)))
    #expect(MP4Fixture.rules(info).contains("PROBE-MALFORMED"))
    #expect(
      Self.message(info, "PROBE-MALFORMED").contains(
        "'udta' box at byte \(Self.innerOffset) has size 0 (to the end of the file) inside the 'moov' box at byte \(Self.moovOffset)"
      ))
    #expect(info.duration == 1)
  }

  @Test func largeSizeSmallerThanItsHeader() {
    let info = MP4Fixture.probe(
      MP4Fixture.ftyp + MP4Fixture.header("moov", size: 1, largeSize: 8) + [UInt8](repeating: 0, count: 64))
    #expect(MP4Fixture.rules(info) == ["PROBE-MALFORMED", "PROBE-MALFORMED"])
    #expect(info.findings[0].message.contains("a 64-bit size of 8, smaller than its 16-byte header"))
  }

  @Test func largeSizeOfTwoToThe63() {
    let info = MP4Fixture.probe(Self.movie() + MP4Fixture.header("mdat", size: 1, largeSize: 1 << 63) + [1, 2, 3])
    #expect(MP4Fixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("claims 9223372036854775808 bytes"))
    #expect(info.duration == 1)
  }

  @Test(arguments: [2, 4, 7] as [UInt32]) func sizeSmallerThanAHeader(_ size: UInt32) {
    let info = MP4Fixture.probe(
      MP4Fixture.ftyp + MP4Fixture.header("moov", size: size) + [UInt8](repeating: 0, count: 32))
    #expect(Self.message(info, "PROBE-MALFORMED").contains("has size \(size), smaller than its 8-byte header"))
  }

  @Test func boxClaimingFourGigabytesInOneKilobyte() {
    let bytes =
      Self.movie() + MP4Fixture.header("mdat", size: 0xFFFF_FFF0)
      + [UInt8](repeating: 0, count: 1024 - Self.innerOffset - 8)
    #expect(bytes.count == 1024)
    let info = MP4Fixture.probe(bytes)
    #expect(MP4Fixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("claims 4294967280 bytes, but the file ends"))
    #expect(info.bytesRead <= 2048)
  }

  @Test func childClaimingMoreThanItsParent() {
    let info = MP4Fixture.probe(
      Self.movie(MP4Fixture.header("trak", size: 0x1000_0000) + [UInt8](repeating: 0, count: 16)))
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("its parent, the 'moov' box at byte \(Self.moovOffset),"))
  }

  @Test(arguments: ["moov", "trak", "udta", "meta", "stbl"]) func absurdlyDeepNesting(_ type: String) {
    var nest: [UInt8] = []
    for _ in 0..<1000 { nest = MP4Fixture.box(type, nest) }
    if type == "stbl" { nest = MP4Fixture.box("trak", MP4Fixture.box("mdia", MP4Fixture.box("minf", nest))) }
    let info = MP4Fixture.probe(type == "moov" ? MP4Fixture.ftyp + nest : Self.movie(nest))
    #expect(MP4Fixture.rules(info).contains("PROBE-MALFORMED"))
    #expect(
      Self.message(info, "PROBE-MALFORMED").contains("is inside another '\(type)' box, which the format doesn't allow"))
    #expect(info.bytesRead <= 16 * 1024)
  }

  @Test func sampleDescriptionCountOfTwoToThe32() throws {
    var bytes = try MP4Fixture.bytes("h264-aac.mp4")
    MP4Fixture.patch(&bytes, at: try MP4Fixture.offset(of: "stsd", in: bytes) + 12, MP4Fixture.u32(.max))
    let info = MP4Fixture.probe(bytes)
    #expect(MP4Fixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(Self.message(info, "PROBE-MALFORMED").contains("claims 4294967295 sample entries but holds 1"))
    #expect(info.codecs == ["avc1.64000b", "mp4a.40.2"])
  }

  @Test(arguments: ["stco", "stsz", "stts", "stsc"]) func chapterTableWithAHugeCount(_ table: String) throws {
    var bytes = try MP4Fixture.bytes("chapters.m4b")
    // The second track is the chapter track.
    let offset = try MP4Fixture.offset(of: table, in: bytes, index: 1)
    MP4Fixture.patch(&bytes, at: offset + (table == "stsz" ? 16 : 12), MP4Fixture.u32(.max))
    let info = MP4Fixture.probe(bytes, name: "chapters.m4b")
    #expect(Self.message(info, "PROBE-MALFORMED").contains("claims 4294967295 entries but has room for"))
    #expect(info.duration == 3)
    #expect(info.bytesRead <= Int64(bytes.count) * 2)
  }

  /// The chapter track's edit list (which shifts a lead-in) with a count of 2^32 - 1 is read only
  /// as far as its first edits, and an edit of duration 0 (to the end) cuts no chapter short: the
  /// chapters are the ones ffprobe reads either way.
  @Test(arguments: [(12, MP4Fixture.u32(.max)), (16, MP4Fixture.u32(0))])
  func chapterTrackEditList(_ at: Int, _ value: [UInt8]) throws {
    var bytes = try MP4Fixture.bytes("chapters.m4b")
    MP4Fixture.patch(&bytes, at: try MP4Fixture.offset(of: "elst", in: bytes, index: 1) + at, value)
    let info = MP4Fixture.probe(bytes, name: "chapters.m4b")
    #expect(info.chapters.map(\.start) == [0, 1, 2.2])
    #expect(info.chapters.map(\.end) == [1, 2.2, 3])
    #expect(info.bytesRead <= Int64(bytes.count) * 2)
  }

  @Test func tagClaimingTwoHundredMegabytes() {
    let item = MP4Fixture.box(
      "©nam",
      MP4Fixture.header("data", size: 200 * 1024 * 1024) + MP4Fixture.u32(1) + MP4Fixture.u32(0) + Array("Title".utf8))
    let meta = MP4Fixture.box("meta", MP4Fixture.u32(0) + MP4Fixture.box("ilst", item))
    let info = MP4Fixture.probe(Self.movie(MP4Fixture.box("udta", meta)))
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("'data' box at byte"))
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("claims 209715200 bytes"))
    #expect(info.bytesRead <= 4096)
  }

  @Test func coverClaimingTwoHundredMegabytes() {
    let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF]
    let item = MP4Fixture.box(
      "covr", MP4Fixture.header("data", size: 200 * 1024 * 1024) + MP4Fixture.u32(13) + MP4Fixture.u32(0) + jpeg)
    let meta = MP4Fixture.box("meta", MP4Fixture.u32(0) + MP4Fixture.box("ilst", item))
    let info = MP4Fixture.probe(Self.movie(MP4Fixture.box("udta", meta)))
    #expect(MP4Fixture.rules(info).contains("PROBE-TRUNCATED"))
    #expect(info.artwork.first?.mimeType == "image/jpeg")
    #expect(info.bytesRead <= 4096)
  }

  @Test func randomBytesAfterFtyp() {
    var generator = SeededRandom(seed: 42)
    let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = MP4Fixture.probe(MP4Fixture.ftyp + noise)
    #expect(MP4Fixture.rules(info).first == "PROBE-GARBAGE")
    #expect(Self.message(info, "PROBE-GARBAGE").contains("unknown bytes at byte \(Self.moovOffset)"))
  }

  /// Every cut of a faststart file and of one with moov at the end, inside moov, inside mdat
  /// or between boxes, is reported.
  @Test(arguments: ["h264-aac.mp4", "aac-moov-at-end.m4a"]) func everyTruncation(_ file: String) throws {
    let bytes = try MP4Fixture.bytes(file)
    for length in stride(from: 9, to: bytes.count, by: 61) {
      let info = MP4Fixture.probe(Array(bytes[..<length]), name: file)
      let rules = Set(MP4Fixture.rules(info))
      #expect(!rules.isDisjoint(with: ["PROBE-TRUNCATED", "PROBE-MALFORMED"]), "cut at \(length)")
    }
  }

  @Test func truncatedInsideMoov() throws {
    let bytes = try MP4Fixture.bytes("h264-aac.mp4")
    let info = MP4Fixture.probe(Array(bytes[..<1500]))
    #expect(MP4Fixture.rules(info).first == "PROBE-TRUNCATED")
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("'moov' box at byte 32 claims 3013 bytes"))
    #expect(info.duration == 2)
  }

  @Test func faststartFileCutBeforeMdat() throws {
    let bytes = try MP4Fixture.bytes("h264-aac.mp4")
    let info = MP4Fixture.probe(Array(bytes[..<(try MP4Fixture.offset(of: "free", in: bytes))]))
    #expect(MP4Fixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(Self.message(info, "PROBE-TRUNCATED").contains("there is no 'mdat' box"))
  }

  @Test func itemLimitStopsTheWalk() throws {
    var limits = ProbeLimits()
    limits.maximumItems = 5
    let info = MP4Fixture.probe(try MP4Fixture.bytes("h264-aac.mp4"), limits: limits)
    #expect(MP4Fixture.rules(info).contains("PROBE-LIMIT"))
  }

  @Test func moovMissingBehindMdat() throws {
    let bytes = try MP4Fixture.bytes("aac-moov-at-end.m4a")
    let info = MP4Fixture.probe(Array(bytes[..<(try MP4Fixture.offset(of: "moov", in: bytes))]))
    #expect(
      Self.message(info, "PROBE-MALFORMED").contains(
        "usually written after 'mdat' (at byte 36), so the file may be cut short"))
  }

  /// Random damage to real files: the probe always finishes, with bounded reads.
  @Test(arguments: ["h264-aac.mp4", "chapters.m4b", "h264-aac.mov"]) func mutations(_ file: String) throws {
    let original = try MP4Fixture.bytes(file)
    var generator = SeededRandom(seed: UInt64(file.utf8.count))
    for _ in 0..<300 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[index] =
          [0, 0xFF, 0x80, 1, UInt8.random(in: 0...255, using: &generator)][Int.random(in: 0..<5, using: &generator)]
      }
      let info = MP4Fixture.probe(bytes, name: file)
      #expect(info.bytesRead <= 1024 * 1024)
    }
  }
}

