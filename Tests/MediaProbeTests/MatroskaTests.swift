import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

@Suite struct MatroskaTests {
  @Test func videoWithChapters() throws {
    let info = MediaProbe().probe(path: try avFixture("vp9-opus.webm"))
    #expect(info.container == .webm)
    #expect(info.mimeType == "video/webm")
    #expect(info.codecs == ["vp9", "opus"])
    #expect(info.width == 160)
    #expect(info.height == 90)
    #expect(info.frameRate == 10)
    #expect(info.sampleRate == 48_000)
    #expect(info.channels == 1)
    // ffmpeg decodes 96,000 samples and 20 frames at 10 fps: 2.0 s; the header says 2.008.
    #expect(abs((info.duration ?? 0) - 2.0) < 0.02)
    #expect(info.tracks.map(\.kind) == [.video, .audio])
    #expect(info.chapters == [
      MediaChapter(start: 0, end: 1, title: "Intro"), MediaChapter(start: 1, end: 2, title: "Outro"),
    ])
    #expect(info.tags["title"] == "WebM Tone")
    #expect(info.findings.isEmpty)
    #expect(info.bytesRead <= 16 * 1024 + 128)
  }

  @Test func audioOnly() throws {
    let info = MediaProbe().probe(path: try avFixture("opus.webm"))
    #expect(info.container == .webm)
    #expect(info.mimeType == "audio/webm")
    #expect(info.codecs == ["opus"])
    #expect(abs((info.duration ?? 0) - 2.0) < 0.02)
    #expect(info.findings.isEmpty)
  }

  /// As browsers record: no Duration and an unknown Segment size; the length comes from the
  /// blocks of the last cluster (ffmpeg decodes 96,000 samples).
  @Test func aLiveRecordingIsTimedByItsLastCluster() throws {
    let info = MediaProbe().probe(path: try avFixture("live.webm"))
    #expect(abs((info.duration ?? 0) - 2.0) < 0.02)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  /// Cut at byte 9,000: ffmpeg decodes 8 frames at 10 fps and 34,248 samples (0.71 s).
  @Test func cutShort() throws {
    let bytes = Array(try fixtureBytes("vp9-opus.webm").prefix(9000))
    let info = MediaProbe().probe(bytes: bytes, name: "cut.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(abs((info.duration ?? 0) - 0.8) < 0.1)
  }

  /// A live recording cut short can't tell it is; its length is what the blocks hold
  /// (ffmpeg decodes 49,608 samples).
  @Test func aLiveRecordingCutShort() throws {
    let bytes = Array(try fixtureBytes("live.webm").prefix(3000))
    let info = MediaProbe().probe(bytes: bytes, name: "cut.webm")
    #expect(abs((info.duration ?? 0) - 49_608.0 / 48_000) < 0.02)
  }

  @Test(arguments: [(false, "audio/x-matroska"), (true, "video/x-matroska")])
  func matroskaDocType(hasVideo: Bool, mimeType: String) {
    let tracks = EBMLBuilder.element(MatroskaID.tracks, EBMLBuilder.track(type: hasVideo ? 1 : 2, codec: "A_FLAC"))
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "matroska", tracks + EBMLBuilder.info()), name: "a.mka")
    #expect(info.container == .matroska)
    #expect(info.mimeType == mimeType)
    #expect(info.codecs == ["flac"])
    #expect(info.duration == 3)
  }

  @Test func aFourByteFloatDurationAndAnotherScale() {
    let duration = EBMLBuilder.element(MatroskaID.duration, Float(1500).bitPattern.bigEndianBytes)
    let info = EBMLBuilder.element(MatroskaID.info, EBMLBuilder.uint(MatroskaID.timestampScale, 2_000_000) + duration)
    let tracks = EBMLBuilder.element(MatroskaID.tracks, EBMLBuilder.track(type: 2, codec: "A_VORBIS"))
    let result = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "webm", info + tracks), name: "f.webm")
    #expect(result.duration == 3)
    #expect(result.codecs == ["vorbis"])
    #expect(result.findings.isEmpty)
  }

  /// Tracks written after the clusters are found through the SeekHead.
  @Test func tracksAfterTheClusters() {
    let cluster = EBMLBuilder.element(MatroskaID.cluster, EBMLBuilder.uint(MatroskaID.clusterTimestamp, 0))
    let tracks = EBMLBuilder.element(MatroskaID.tracks, EBMLBuilder.track(type: 2, codec: "A_OPUS"))
    let seekHeadLength = (4 + 8) + (2 + 8) + (2 + 8 + 4) + (2 + 8 + 8)
    let tracksPosition = UInt64(seekHeadLength + EBMLBuilder.info().count + cluster.count)
    let seek = EBMLBuilder.element(MatroskaID.seekID, [0x16, 0x54, 0xAE, 0x6B])
      + EBMLBuilder.uint(MatroskaID.seekPosition, tracksPosition)
    let seekHead = EBMLBuilder.element(MatroskaID.seekHead, EBMLBuilder.element(MatroskaID.seek, seek))
    #expect(seekHead.count == seekHeadLength)
    let info = MediaProbe().probe(
      bytes: EBMLBuilder.file(docType: "webm", seekHead + EBMLBuilder.info() + cluster + tracks), name: "late.webm")
    #expect(info.codecs == ["opus"])
    #expect(info.findings.isEmpty)
  }

  @Test(arguments: [
    ("V_MPEG4/ISO/AVC", [0x01, 0x64, 0x00, 0x1F, 0xFF], "avc1.64001f"),
    ("V_AV1", [0x81, 0x08, 0x0C, 0x00], "av01.0.08M.08"),
    ("V_AV1", [0x81, 0x2D, 0xC0, 0x00], "av01.1.13H.10"),
    ("V_MPEGH/ISO/HEVC", [0x01, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5D], "hvc1.1.6.L93.90"),
    ("V_VP9", [1, 1, 0, 2, 1, 10, 3, 1, 8], "vp09.00.10.08"),
    ("V_VP9", [], "vp9"),
    ("A_AAC", [0x12, 0x10], "mp4a.40.2"),
    ("A_AAC", [0x2B, 0x92, 0x08], "mp4a.40.5"),
    ("A_OPUS", [], "opus"),
    ("V_VP8", [], "vp8"),
    ("V_UNKNOWN", [], "v_unknown"),
  ] as [(String, [UInt8], String)])
  func codecStrings(codecID: String, codecPrivate: [UInt8], expected: String) {
    #expect(MatroskaCodec.string(codecID: codecID, codecPrivate: codecPrivate[...]) == expected)
  }

  // MARK: - Hostile input

  @Test func zeroBytesAfterTheMagic() {
    let info = MediaProbe().probe(bytes: MatroskaParser.magic + [UInt8](repeating: 0, count: 60), name: "zero.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("byte 4") == true)
  }

  @Test(arguments: 0..<8) func randomBytesAfterTheMagic(seed: Int) {
    var generator = SeededRandom(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
    let bytes = MatroskaParser.magic + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = MediaProbe().probe(bytes: bytes, name: "noise.webm")
    #expect(!info.findings.isEmpty)
    #expect(info.bytesRead < 64 * 1024)
  }

  /// An 8-byte size of 2^56 - 2, the largest that isn't "unknown".
  @Test func anEBMLHeaderClaimingTwoToThe56() {
    let bytes = MatroskaParser.magic + [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE] + [UInt8](repeating: 0, count: 40)
    let info = MediaProbe().probe(bytes: bytes, name: "huge.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("72057594037927934") == true)
  }

  @Test func aSegmentClaimingTwoToThe56() {
    var bytes = EBMLBuilder.header(docType: "webm") + [0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]
    bytes += EBMLBuilder.info() + EBMLBuilder.element(MatroskaID.tracks, EBMLBuilder.track(type: 2, codec: "A_OPUS"))
    let info = MediaProbe().probe(bytes: bytes, name: "huge.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.codecs == ["opus"])
    #expect(info.bytesRead < 32 * 1024)
  }

  @Test func tenThousandNestedChapterAtoms() {
    let depth = 10_000
    let innermost = EBMLBuilder.uint(MatroskaID.chapterTimeStart, 0)
    var atoms: [UInt8] = []
    atoms.reserveCapacity(depth * 9 + innermost.count)
    for level in 0..<depth {
      atoms += [0xB6] + EBMLBuilder.size(UInt64((depth - 1 - level) * 9 + innermost.count))
    }
    atoms += innermost
    let chapters = EBMLBuilder.element(MatroskaID.chapters, EBMLBuilder.element(MatroskaID.editionEntry, atoms))
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "webm", EBMLBuilder.info() + chapters), name: "deep.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-LIMIT"])
    #expect(info.findings.first?.message.contains("deeper than 16") == true)
  }

  @Test func anUnknownSizeInsideTheSegment() {
    let nested = (0..<10_000).flatMap { _ in [0x18, 0x53, 0x80, 0x67, 0xFF] as [UInt8] }
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "webm", nested), name: "nested.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("unknown size") == true)
  }

  @Test func aChildLargerThanItsParent() {
    let info = [0x2A, 0xD7, 0xB1] + EBMLBuilder.size(1000) + [0x0F, 0x42, 0x40]
    let bytes = EBMLBuilder.file(docType: "webm", EBMLBuilder.element(MatroskaID.info, info))
    let result = MediaProbe().probe(bytes: bytes, name: "child.webm")
    #expect(result.findings.first?.ruleID == "PROBE-MALFORMED")
    #expect(result.findings.first?.message.contains("more than its parent holds") == true)
  }

  @Test func tagsClaiming200MB() {
    let tags = [0x12, 0x54, 0xC3, 0x67] + EBMLBuilder.size(200_000_000) + [UInt8](repeating: 0, count: 100)
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "webm", EBMLBuilder.info() + tags), name: "tags.webm")
    #expect(info.findings.first?.ruleID == "PROBE-TRUNCATED")
    #expect(info.bytesRead < 32 * 1024)
  }

  @Test func anUnknownDocType() {
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "mka3d", EBMLBuilder.info()), name: "x.mkv")
    #expect(info.findings.map(\.ruleID) == ["PROBE-UNKNOWN-FORMAT"])
  }

  @Test func anInvalidElementID() {
    let info = MediaProbe().probe(bytes: EBMLBuilder.file(docType: "webm", [0x00, 0x81, 0x00]), name: "id.webm")
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
  }

  private func fixtureBytes(_ name: String) throws -> [UInt8] {
    Array(try #require(FileManager.default.contents(atPath: try avFixture(name))))
  }
}

/// Builds EBML in memory, every size written in 8 bytes so lengths are easy to predict.
enum EBMLBuilder {
  static func element(_ id: UInt32, _ payload: [UInt8]) -> [UInt8] { idBytes(id) + size(UInt64(payload.count)) + payload }

  static func uint(_ id: UInt32, _ value: UInt64) -> [UInt8] { element(id, (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }) }

  static func string(_ id: UInt32, _ value: String) -> [UInt8] { element(id, Array(value.utf8)) }

  static func size(_ value: UInt64) -> [UInt8] { [0x01] + (1..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) } }

  static func idBytes(_ id: UInt32) -> [UInt8] {
    let bytes = (0..<4).map { UInt8(truncatingIfNeeded: id >> (24 - 8 * UInt32($0))) }
    return Array(bytes.drop { $0 == 0 })
  }

  static func header(docType: String) -> [UInt8] { element(MatroskaID.ebml, string(MatroskaID.docType, docType)) }

  static func file(docType: String, _ segment: [UInt8]) -> [UInt8] {
    header(docType: docType) + element(MatroskaID.segment, segment)
  }

  /// Info with a 3 s duration in milliseconds.
  static func info() -> [UInt8] {
    element(MatroskaID.info, uint(MatroskaID.timestampScale, 1_000_000) + element(MatroskaID.duration, (3000.0).bitPattern.bigEndianBytes))
  }

  static func track(type: UInt64, codec: String) -> [UInt8] {
    element(MatroskaID.trackEntry, uint(MatroskaID.trackNumber, 1) + uint(MatroskaID.trackType, type) + string(MatroskaID.codecID, codec))
  }
}

extension FixedWidthInteger {
  fileprivate var bigEndianBytes: [UInt8] {
    (0..<Self.bitWidth / 8).map { UInt8(truncatingIfNeeded: self >> (Self.bitWidth - 8 - 8 * $0)) }
  }
}
