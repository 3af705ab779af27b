import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

@Suite struct FLACTests {
  /// Byte 15,598 of tone.flac starts the frame holding sample 14,976 (ffprobe -show_packets).
  static let lastFrameOffset = 15_598

  @Test func fixture() throws {
    let info = MediaProbe().probe(path: try avFixture("tone.flac"))
    #expect(info.container == .flac)
    #expect(info.mimeType == "audio/flac")
    #expect(info.codecs == ["flac"])
    #expect(info.sampleRate == 8000)
    #expect(info.channels == 1)
    // ffmpeg decodes 16,000 samples.
    #expect(info.duration == 2.0)
    #expect(info.tags["title"] == "FLAC Tone")
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/png", width: 32, height: 32, size: 119)])
    #expect(info.tracks.map(\.codec) == ["flac"])
    #expect(info.findings.isEmpty)
    #expect(info.bytesRead <= info.size + 128)
  }

  /// Cut inside a frame: the duration is what the whole frames hold (ffmpeg decodes 2,880 samples).
  @Test func cutInsideAFrame() throws {
    let bytes = Array(try fixtureBytes().prefix(10_000))
    let info = MediaProbe().probe(bytes: bytes, name: "cut.flac")
    #expect(abs((info.duration ?? 0) - 2880.0 / 8000) < 1e-9)
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("byte 10000") == true)
  }

  /// Cut exactly between frames: the frames are whole but hold fewer samples than STREAMINFO says.
  @Test func cutBetweenFrames() throws {
    let bytes = Array(try fixtureBytes().prefix(Self.lastFrameOffset))
    let info = MediaProbe().probe(bytes: bytes, name: "edge.flac")
    #expect(abs((info.duration ?? 0) - 14_976.0 / 8000) < 1e-9)
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
  }

  @Test func anID3v1TagAtTheEndIsSkipped() throws {
    let bytes = try fixtureBytes() + Array("TAG".utf8) + [UInt8](repeating: 0x20, count: 125)
    let info = MediaProbe().probe(bytes: bytes, name: "v1.flac")
    #expect(info.duration == 2.0)
    #expect(info.findings.isEmpty)
  }

  @Test func anID3v2TagBeforeTheStreamIsReported() throws {
    let tag: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 10] + [UInt8](repeating: 0, count: 10)
    let info = MediaProbe().probe(bytes: tag + (try fixtureBytes()), name: "id3.flac")
    #expect(info.container == .flac)
    #expect(info.duration == 2.0)
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
  }

  @Test func frameHeaderAndCRCs() throws {
    // Fixed blocking, 576-sample blocks (code 2), 8 kHz (code 4), mono, 16 bits, frame 1.
    let header: [UInt8] = [0xFF, 0xF8, 0x24, 0x08, 0x01]
    let frame = FLACFrameHeader(ArraySlice(header + [FLACCRC.crc8(header[...])]))
    #expect(frame?.blockSize == 576)
    #expect(frame?.number == 1)
    #expect(FLACFrameHeader(ArraySlice(header + [FLACCRC.crc8(header[...]) ^ 1])) == nil)
    #expect(FLACCRC.crc16(Array("123456789".utf8)[...]) == 0xFEE8)
    #expect(FLACCRC.crc8(Array("123456789".utf8)[...]) == 0xF4)
  }

  // MARK: - Hostile input

  @Test func zeroBytesAfterTheMagic() {
    let info = MediaProbe().probe(bytes: Array("fLaC".utf8) + [UInt8](repeating: 0, count: 60), name: "zero.flac")
    #expect(info.container == .flac)
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.duration == nil)
  }

  @Test(arguments: 0..<8) func randomBytesAfterTheMagic(seed: Int) {
    var generator = SeededRandom(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
    let bytes = Array("fLaC".utf8) + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = MediaProbe().probe(bytes: bytes, name: "noise.flac")
    #expect(!info.findings.isEmpty)
    #expect(info.bytesRead < 64 * 1024)
  }

  /// A 16 MB block in a 300-byte file.
  @Test func aBlockClaimingMoreThanTheFile() {
    var bytes = Array("fLaC".utf8) + [0x04, 0xFF, 0xFF, 0xFF]
    bytes += [UInt8](repeating: 0x41, count: 300 - bytes.count)
    let info = MediaProbe().probe(bytes: bytes, name: "claim.flac")
    let finding = info.findings.first
    #expect(finding?.ruleID == "PROBE-TRUNCATED")
    #expect(finding?.message.contains("16777215 bytes") == true)
    #expect(info.bytesRead < 4096)
  }

  @Test func aFirstBlockThatIsNotStreamInfo() {
    let bytes = Array("fLaC".utf8) + [0x81, 0, 0, 4] + [0, 0, 0, 0]
    let info = MediaProbe().probe(bytes: bytes, name: "nostream.flac")
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
  }

  @Test func metadataWithoutAudio() throws {
    // STREAMINFO flagged last, then nothing.
    let streamInfo = Array(try fixtureBytes()[4..<42])
    let info = MediaProbe().probe(bytes: Array("fLaC".utf8) + [0x80] + streamInfo.dropFirst(), name: "empty.flac")
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.duration == 0)
  }

  @Test func aCommentBlockWithALengthPastItsEnd() throws {
    let streamInfo = Array(try fixtureBytes()[8..<42])
    var comment = OggBuilder.le(4, 4) + Array("test".utf8) + OggBuilder.le(1, 4) + OggBuilder.le(200_000_000, 4)
    comment += Array("TITLE=x".utf8)
    var bytes = Array("fLaC".utf8) + [0x00, 0, 0, 34] + streamInfo
    bytes += [0x84] + OggBuilder.be32(UInt32(comment.count)).dropFirst() + comment
    let info = MediaProbe().probe(bytes: bytes, name: "tag.flac")
    #expect(info.findings.contains { $0.ruleID == "PROBE-MALFORMED" && $0.message.contains("VORBIS_COMMENT") })
  }

  @Test func manyEmptyBlocksStopAtTheLimit() throws {
    let streamInfo = Array(try fixtureBytes()[4..<42])
    let padding: [UInt8] = (0..<4 * 5000).map { $0 % 4 == 0 ? 1 : 0 }
    let info = MediaProbe().probe(bytes: Array("fLaC".utf8) + streamInfo + padding, name: "padding.flac")
    #expect(info.findings.contains { $0.ruleID == "PROBE-LIMIT" })
  }

  private func fixtureBytes() throws -> [UInt8] {
    Array(try #require(FileManager.default.contents(atPath: try avFixture("tone.flac"))))
  }
}
