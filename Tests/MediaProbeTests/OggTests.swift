import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

@Suite struct OggTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let file: String
    let codec: String
    let sampleRate: Int
    /// The decoded length: ffmpeg's decoded samples (make-av.sh prints them) over the rate.
    let decoded: Double
    let title: String
    let truncated: Bool
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "opus.ogg", codec: "opus", sampleRate: 48_000, decoded: 120_000 / 48_000, title: "Opus Tone", truncated: false),
    Case(file: "vorbis.ogg", codec: "vorbis", sampleRate: 22_050, decoded: 44_100 / 22_050, title: "Vorbis Tone", truncated: false),
    Case(
      file: "opus-truncated.ogg", codec: "opus", sampleRate: 48_000, decoded: 47_688 / 48_000, title: "Opus Tone",
      truncated: true),
  ]

  @Test(arguments: cases) func fixture(_ expected: Case) throws {
    let info = MediaProbe().probe(path: try avFixture(expected.file))
    #expect(info.container == .ogg)
    #expect(info.mimeType == "audio/ogg")
    #expect(info.codecs == [expected.codec])
    #expect(info.sampleRate == expected.sampleRate)
    #expect(info.channels == 1)
    let duration = try #require(info.duration)
    // Within one 20 ms Opus frame (Vorbis blocks are shorter).
    #expect(abs(duration - expected.decoded) < 0.02)
    #expect(info.tags["title"] == expected.title)
    #expect(info.tracks.map(\.kind) == [.audio])
    #expect(info.findings.contains { $0.ruleID == "PROBE-TRUNCATED" } == expected.truncated)
    if !expected.truncated { #expect(info.findings.isEmpty) }
    #expect(info.bytesRead <= info.size + 128)
  }

  @Test func opusHeaderFields() throws {
    let info = MediaProbe().probe(path: try avFixture("opus.ogg"))
    #expect(info.duration == 2.5)
    #expect(info.tags["artist"] == "Podium")
    #expect(info.bitrate == Int((Double(info.size) * 8 / 2.5).rounded()))
  }

  /// A long file costs its header pages and a 16 KB tail, not a walk over every page.
  @Test func readsOnlyTheHeadAndTail() {
    var bytes = OggBuilder.opusHeaders(serial: 7)
    let audio = [UInt8](repeating: 0x55, count: 4000)
    for index in 1...2000 {
      bytes += OggBuilder.page(serial: 7, granule: Int64(312 + index * 96_000), packets: [audio], last: index == 2000)
    }
    let info = MediaProbe().probe(bytes: bytes, name: "long.opus")
    #expect(info.findings.isEmpty)
    #expect(info.duration == 4000)
    #expect(info.bytesRead < 40 * 1024)
  }

  /// A Skeleton stream has one header packet; waiting for a second would walk the whole file.
  @Test func aSkeletonStreamDoesNotHoldUpTheHeaders() {
    let skeleton = OggBuilder.page(serial: 9, type: 0x02, granule: 0, packets: [Array("fishead\0".utf8)], last: false)
    var bytes = skeleton + OggBuilder.opusHeaders(serial: 7)
    let audio = [UInt8](repeating: 0x55, count: 4000)
    for index in 1...500 {
      bytes += OggBuilder.page(serial: 7, granule: Int64(312 + index * 960), packets: [audio], last: index == 500)
    }
    let info = MediaProbe().probe(bytes: bytes, name: "skeleton.opus")
    #expect(info.codecs == ["opus"])
    #expect(info.duration == 10)
    #expect(info.bytesRead < 40 * 1024)
  }

  @Test func chainedStreamsLeaveTheDurationUnknown() {
    var bytes = OggBuilder.opusHeaders(serial: 1)
    bytes += OggBuilder.page(serial: 1, granule: 48_312, packets: [[1, 2, 3]], last: true)
    bytes += OggBuilder.opusHeaders(serial: 2)
    bytes += OggBuilder.page(serial: 2, granule: 96_312, packets: [[1, 2, 3]], last: true)
    let info = MediaProbe().probe(bytes: bytes, name: "chained.opus")
    #expect(info.duration == nil)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  @Test func bytesAfterTheLastPageAreGarbage() {
    var bytes = OggBuilder.opusHeaders(serial: 1)
    bytes += OggBuilder.page(serial: 1, granule: 48_312, packets: [[1, 2, 3]], last: true)
    bytes += [UInt8](repeating: 0xAB, count: 300)
    let info = MediaProbe().probe(bytes: bytes, name: "junk.opus")
    #expect(info.duration == 1)
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
    #expect(info.findings.first?.message.contains("300 bytes") == true)
  }

  @Test func aLastPageWithoutEndOfStreamIsReported() {
    var bytes = OggBuilder.opusHeaders(serial: 1)
    bytes += OggBuilder.page(serial: 1, granule: 48_312, packets: [[1, 2, 3]], last: false)
    let info = MediaProbe().probe(bytes: bytes, name: "open.opus")
    #expect(info.duration == 1)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  @Test func coverArtInOpusTags() {
    var picture: [UInt8] = []
    for field in [UInt32(3), 9] { picture += OggBuilder.be32(field) }
    picture += Array("image/png".utf8) + OggBuilder.be32(0) + OggBuilder.be32(1400) + OggBuilder.be32(1400)
    picture += OggBuilder.be32(24) + OggBuilder.be32(0) + OggBuilder.be32(123_456) + [0x89, 0x50]
    let comment = "METADATA_BLOCK_PICTURE=" + Data(picture).base64EncodedString()
    var bytes = OggBuilder.opusHeaders(serial: 1, comments: ["TITLE=Art", comment])
    bytes += OggBuilder.page(serial: 1, granule: 48_312, packets: [[1]], last: true)
    let info = MediaProbe().probe(bytes: bytes, name: "art.opus")
    #expect(info.tags["title"] == "Art")
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/png", width: 1400, height: 1400, size: 123_456)])
  }

  @Test func theoraWithVorbis() {
    // 320x180 at 25 fps, keyframe shift 6; granule 249 << 6 is frame 250: 10 s.
    var theora = [0x80] + Array("theora".utf8) + [3, 2, 1] + OggBuilder.be16(20) + OggBuilder.be16(12)
    theora += [0, 1, 0x40, 0, 0, 0xB4, 0, 0] + OggBuilder.be32(25) + OggBuilder.be32(1) + [0, 0, 1, 0, 0, 1, 0, 0, 0, 0]
    theora += [0x00, 0xC0, 0x00]
    let vorbis = [0x01] + Array("vorbis".utf8) + OggBuilder.le(0, 4) + [2] + OggBuilder.le(44_100, 4) + [UInt8](repeating: 0, count: 13)
    var bytes = OggBuilder.page(serial: 1, type: 0x02, granule: 0, packets: [theora], last: false)
    bytes += OggBuilder.page(serial: 2, type: 0x02, granule: 0, packets: [vorbis], last: false)
    bytes += OggBuilder.page(serial: 1, granule: 0, packets: [[0x81] + Array("theora".utf8) + OggBuilder.le(0, 8)], last: false)
    bytes += OggBuilder.page(serial: 2, granule: 0, packets: [[0x03] + Array("vorbis".utf8) + OggBuilder.le(0, 8)], last: false)
    bytes += OggBuilder.page(serial: 2, granule: 441_000, packets: [[1]], last: true)
    bytes += OggBuilder.page(serial: 1, granule: 249 << 6, packets: [[1]], last: true)
    let info = MediaProbe().probe(bytes: bytes, name: "video.ogv")
    #expect(info.mimeType == "video/ogg")
    #expect(info.codecs == ["theora", "vorbis"])
    #expect(info.width == 320)
    #expect(info.height == 180)
    #expect(info.frameRate == 25)
    #expect(info.sampleRate == 44_100)
    #expect(info.channels == 2)
    #expect(info.duration == 10)
    #expect(info.findings.isEmpty)
  }

  @Test func oggFLACAndSpeex() {
    let streamInfo: [UInt8] = [0x10, 0x00, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0x0A, 0xC4, 0x42, 0xF0] + [UInt8](repeating: 0, count: 20)
    let flac = [0x7F] + Array("FLAC".utf8) + [1, 0, 0, 1] + Array("fLaC".utf8) + [0, 0, 0, 34] + streamInfo
    let stream = OggStream(serial: 1, identification: flac)
    #expect(stream?.codec == .flac)
    #expect(stream?.sampleRate == 44_100)
    #expect(stream?.channels == 2)
    let speex = Array("Speex   ".utf8) + [UInt8](repeating: 0, count: 28) + OggBuilder.le(16_000, 4) + OggBuilder.le(1, 4)
      + OggBuilder.le(4, 4) + OggBuilder.le(1, 4)
    let speexStream = OggStream(serial: 2, identification: speex)
    #expect(speexStream?.codec == .speex)
    #expect(speexStream?.sampleRate == 16_000)
    #expect(speexStream?.channels == 1)
    #expect(speexStream?.duration(atGranule: 32_000) == 2)
    #expect(OggStream(serial: 3, identification: Array("OpusHead".utf8)) == nil)
  }

  // MARK: - Hostile input

  @Test func zeroBytesAfterTheMagic() {
    let info = MediaProbe().probe(bytes: Array("OggS".utf8) + [UInt8](repeating: 0, count: 60), name: "zero.ogg")
    #expect(info.container == .ogg)
    #expect(info.duration == nil)
    #expect(info.findings.contains { $0.ruleID == "PROBE-MALFORMED" })
  }

  @Test(arguments: 0..<8) func randomBytesAfterTheMagic(seed: Int) {
    var generator = SeededRandom(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
    let bytes = Array("OggS".utf8) + [0] + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = MediaProbe().probe(bytes: bytes, name: "noise.ogg")
    #expect(info.container == .ogg)
    #expect(!info.findings.isEmpty)
    #expect(info.bytesRead < 64 * 1024)
  }

  /// The header announces 255 segments of 255 bytes (65,025) in a 100-byte file.
  @Test func aPageClaimingMoreThanTheFile() {
    var bytes = Array("OggS".utf8) + [0, 2] + [UInt8](repeating: 0, count: 20) + [255]
    bytes += [UInt8](repeating: 255, count: 100 - bytes.count)
    let info = MediaProbe().probe(bytes: bytes, name: "claim.ogg")
    #expect(info.findings.contains { $0.ruleID == "PROBE-TRUNCATED" && $0.message.contains("byte 0") })
    #expect(info.duration == nil)
  }

  @Test func justTheMagic() {
    let info = MediaProbe().probe(bytes: Array("OggS".utf8), name: "short.ogg")
    #expect(info.findings.contains { $0.ruleID == "PROBE-TRUNCATED" })
  }

  @Test func anUnknownCodec() {
    var bytes = OggBuilder.page(serial: 1, type: 0x02, granule: 0, packets: [Array("fishead\0".utf8)], last: false)
    bytes += OggBuilder.page(serial: 1, granule: 0, packets: [[1]], last: true)
    let info = MediaProbe().probe(bytes: bytes, name: "skeleton.ogg")
    #expect(info.findings.map(\.ruleID) == ["PROBE-UNKNOWN-FORMAT"])
  }
}

/// Builds Ogg pages in memory; the CRC is left 0, which the probe doesn't check.
enum OggBuilder {
  static func page(serial: UInt32, type: UInt8 = 0, granule: Int64, packets: [[UInt8]], last: Bool) -> [UInt8] {
    var lacing: [UInt8] = []
    for packet in packets {
      lacing += [UInt8](repeating: 255, count: packet.count / 255) + [UInt8(packet.count % 255)]
    }
    var bytes = Array("OggS".utf8) + [0, type | (last ? 0x04 : 0)]
    bytes += le(UInt64(bitPattern: granule), 8) + le(UInt64(serial), 4) + le(0, 4) + le(0, 4)
    bytes += [UInt8(lacing.count)] + lacing
    return bytes + packets.flatMap { $0 }
  }

  static func opusHeaders(serial: UInt32, comments: [String] = []) -> [UInt8] {
    let head = Array("OpusHead".utf8) + [1, 2] + le(312, 2) + le(48_000, 4) + [0, 0, 0]
    var tags = Array("OpusTags".utf8) + le(4, 4) + Array("test".utf8) + le(UInt64(comments.count), 4)
    for comment in comments { tags += le(UInt64(comment.utf8.count), 4) + Array(comment.utf8) }
    return page(serial: serial, type: 0x02, granule: 0, packets: [head], last: false)
      + page(serial: serial, granule: 0, packets: [tags], last: false)
  }

  static func le(_ value: UInt64, _ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
  }

  static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

  static func be32(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }
}

/// The path of a fixture made by make-av.sh.
func avFixture(_ name: String) throws -> String {
  try #require(Bundle.module.url(forResource: "Fixtures/av/\(name)", withExtension: nil)).path
}
