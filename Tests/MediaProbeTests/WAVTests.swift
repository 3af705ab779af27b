import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

@Suite struct WAVTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let file: String
    /// ffmpeg's decoded samples (make-av.sh prints them) over 8 kHz.
    let decoded: Double
    let title: String?
    let findings: [String]
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "tone.wav", decoded: 16_000 / 8000, title: "WAV Tone", findings: []),
    Case(file: "rf64.wav", decoded: 4000 / 8000, title: nil, findings: []),
    Case(file: "tone-truncated.wav", decoded: 9963 / 8000, title: "WAV Tone", findings: ["PROBE-TRUNCATED"]),
  ]

  @Test(arguments: cases) func fixture(_ expected: Case) throws {
    let info = MediaProbe().probe(path: try avFixture(expected.file))
    #expect(info.container == .wav)
    #expect(info.mimeType == "audio/wav")
    #expect(info.codecs == ["1"])
    #expect(info.sampleRate == 8000)
    #expect(info.channels == 1)
    #expect(info.bitrate == 128_000)
    #expect(abs((info.duration ?? 0) - expected.decoded) < 1 / 8000)
    #expect(info.tags["title"] == expected.title)
    #expect(info.findings.map(\.ruleID) == expected.findings)
    #expect(info.bytesRead <= 4096 + 128)
  }

  @Test func aPlaceholderRIFFSize() {
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + WAVBuilder.chunk("data", pcm(8000)), riffSize: 0xFFFF_FFFF))
    #expect(info.duration == 0.5)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  @Test func aPlaceholderDataSize() {
    let data = WAVBuilder.chunk("data", pcm(8000), size: 0xFFFF_FFFF)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + data, riffSize: 0xFFFF_FFFF))
    #expect(info.duration == 0.5)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
    #expect(info.findings.first?.message.contains("4294967295") == true)
  }

  @Test func aZeroDataSizeWithSamplesAfterIt() {
    let data = WAVBuilder.chunk("data", pcm(16_000), size: 0)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + data))
    #expect(info.duration == 1)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  @Test func oddChunksArePadded() {
    let odd = WAVBuilder.chunk("junk", [1, 2, 3])
    #expect(odd.count == 12)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + odd + WAVBuilder.chunk("data", pcm(800))))
    #expect(info.duration == 0.05)
    #expect(info.findings.isEmpty)
  }

  @Test func aMissingPadByteIsTolerated() {
    let odd = WAVBuilder.chunk("junk", [1, 2, 3], pad: false)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + odd + WAVBuilder.chunk("data", pcm(800))))
    #expect(info.duration == 0.05)
    #expect(info.findings.isEmpty)
  }

  @Test func bigEndianRIFX() {
    let fmt = WAVBuilder.fmt(bigEndian: true)
    let info = probe(WAVBuilder.file(fmt + WAVBuilder.chunk("data", pcm(1600), bigEndian: true), magic: "RIFX"))
    #expect(info.sampleRate == 8000)
    #expect(info.duration == 0.1)
    #expect(info.findings.isEmpty)
  }

  @Test func extensibleFloat() {
    var body = WAVBuilder.le(0xFFFE, 2) + WAVBuilder.le(2, 2) + WAVBuilder.le(48_000, 4) + WAVBuilder.le(384_000, 4)
    body += WAVBuilder.le(8, 2) + WAVBuilder.le(32, 2) + WAVBuilder.le(22, 2) + WAVBuilder.le(32, 2) + WAVBuilder.le(3, 4)
    body += WAVBuilder.le(3, 2) + [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
    let info = probe(WAVBuilder.file(WAVBuilder.chunk("fmt ", body) + WAVBuilder.chunk("data", pcm(38_400))))
    #expect(info.codecs == ["3"])
    #expect(info.channels == 2)
    #expect(info.duration == 0.1)
  }

  @Test func compressedAudioIsTimedByFact() {
    // MPEG Layer III in WAV (tag 0x55): 1152 samples a frame, timed by `fact`, not the byte rate.
    var fmt = WAVBuilder.le(0x55, 2) + WAVBuilder.le(1, 2) + WAVBuilder.le(44_100, 4) + WAVBuilder.le(16_000, 4)
    fmt += WAVBuilder.le(1, 2) + WAVBuilder.le(0, 2)
    let fact = WAVBuilder.chunk("fact", WAVBuilder.le(88_200, 4))
    let info = probe(WAVBuilder.file(WAVBuilder.chunk("fmt ", fmt) + fact + WAVBuilder.chunk("data", pcm(31_000))))
    #expect(info.codecs == ["85"])
    #expect(info.duration == 2)
  }

  // MARK: - Hostile input

  @Test func zeroBytesAfterTheMagic() {
    let info = probe(Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVE".utf8) + [UInt8](repeating: 0, count: 52))
    #expect(info.container == .wav)
    #expect(info.duration == nil)
    #expect(info.findings.map(\.ruleID).contains("PROBE-MALFORMED"))
  }

  @Test(arguments: 0..<8) func randomBytesAfterTheMagic(seed: Int) {
    var generator = SeededRandom(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
    let noise = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = probe(Array("RIFF".utf8) + [0xA0, 0x0F, 0, 0] + Array("WAVE".utf8) + noise)
    #expect(!info.findings.isEmpty)
    #expect(info.bytesRead < 16 * 1024)
  }

  /// A LIST chunk of 0xFFFFFFFF bytes before the audio.
  @Test func aChunkClaimingFourGigabytes() {
    let list = Array("LIST".utf8) + WAVBuilder.le(0xFFFF_FFFF, 4) + Array("INFO".utf8)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + list + [UInt8](repeating: 0, count: 100)))
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("4294967295 bytes") == true)
    #expect(info.duration == nil)
  }

  @Test func tagsClaiming200MB() {
    let list = Array("LIST".utf8) + WAVBuilder.le(200_000_000, 4) + Array("INFOINAM".utf8) + WAVBuilder.le(199_999_000, 4)
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + list + [UInt8](repeating: 0x41, count: 500)))
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.bytesRead < 8 * 1024)
  }

  @Test func noFormatChunk() {
    let info = probe(WAVBuilder.file(WAVBuilder.chunk("data", pcm(100))))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
  }

  @Test func aFormatChunkOfSizeZero() {
    let info = probe(WAVBuilder.file(WAVBuilder.chunk("fmt ", []) + WAVBuilder.chunk("data", pcm(100))))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
  }

  @Test func junkAfterTheRIFFChunk() {
    let file = WAVBuilder.file(WAVBuilder.fmt() + WAVBuilder.chunk("data", pcm(800)))
    let info = probe(file + [UInt8](repeating: 0xEE, count: 64))
    #expect(info.duration == 0.05)
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
  }

  @Test func tenThousandEmptyChunks() {
    let chunks = (0..<10_001).flatMap { _ in WAVBuilder.chunk("junk", []) }
    let info = probe(WAVBuilder.file(WAVBuilder.fmt() + chunks))
    #expect(info.findings.contains { $0.ruleID == "PROBE-LIMIT" })
  }

  private func probe(_ bytes: [UInt8]) -> MediaInfo { MediaProbe().probe(bytes: bytes, name: "test.wav") }

  private func pcm(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }
}

/// Builds WAVE files in memory.
enum WAVBuilder {
  static func file(_ chunks: [UInt8], magic: String = "RIFF", riffSize: UInt32? = nil) -> [UInt8] {
    let size = riffSize ?? UInt32(chunks.count + 4)
    return Array(magic.utf8) + (magic == "RIFX" ? be(UInt64(size), 4) : le(UInt64(size), 4)) + Array("WAVE".utf8) + chunks
  }

  static func chunk(_ id: String, _ body: [UInt8], size: UInt32? = nil, pad: Bool = true, bigEndian: Bool = false)
    -> [UInt8]
  {
    let length = UInt64(size ?? UInt32(body.count))
    let padding: [UInt8] = pad && body.count % 2 == 1 ? [0] : []
    return Array(id.utf8) + (bigEndian ? be(length, 4) : le(length, 4)) + body + padding
  }

  /// 8 kHz mono 16-bit PCM.
  static func fmt(bigEndian: Bool = false) -> [UInt8] {
    let field = bigEndian ? be : le
    let body = field(1, 2) + field(1, 2) + field(8000, 4) + field(16_000, 4) + field(2, 2) + field(16, 2)
    return chunk("fmt ", body, bigEndian: bigEndian)
  }

  static func le(_ value: UInt64, _ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
  }

  static func be(_ value: UInt64, _ count: Int) -> [UInt8] { le(value, count).reversed() }
}
