@testable import MediaProbe
import Testing

/// Frame counting, duration headers, garbage and truncation, on streams built in memory.
@Suite struct MP3StreamTests {
  static let hourOfFrames = 100_000  // 100,000 × 36 ms = 60 minutes.

  static func probe(_ bytes: [UInt8], limits: ProbeLimits = ProbeLimits()) -> MediaInfo {
    MediaProbe(limits: limits).probe(bytes: bytes, name: "test.mp3")
  }

  @Test func hourLongCBRWithInfoHeaderIsProbedFromAFewKB() throws {
    let frames = MP3Bytes.frames(Self.hourOfFrames)
    let bytes = MP3Bytes.xingFrame("Info", frames: Self.hourOfFrames, bytes: frames.count + 144) + frames
    let info = Self.probe(bytes)
    #expect(info.duration == 3600)
    #expect(info.variableBitrate == false)
    #expect(info.bitrate == 32_000)
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.bytesRead <= 128 * 1024, "read \(info.bytesRead) of \(bytes.count)")
  }

  @Test func hourLongVBRWithXingAndLAMETagIsProbedFromAFewKB() throws {
    let frames = MP3Bytes.frames(Self.hourOfFrames, kbps: [32, 40])
    let bytes =
      MP3Bytes.xingFrame(frames: Self.hourOfFrames, bytes: frames.count + 144, delay: 576, padding: 1000) + frames
    let info = Self.probe(bytes)
    // Like ffmpeg: drop the delay and 529 decoder samples at the start, the padding less 529 at the end.
    let samples = Self.hourOfFrames * 1152 - 576 - 529 - (1000 - 529)
    #expect(info.duration == Double(samples) / 32_000)
    #expect(info.variableBitrate == true)
    #expect(info.bitrate == 36_000)
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.bytesRead <= 128 * 1024, "read \(info.bytesRead) of \(bytes.count)")
  }

  @Test func vbriHeaderIsTrusted() {
    let frames = MP3Bytes.frames(1000, kbps: [32, 40])
    let info = Self.probe(MP3Bytes.vbriFrame(frames: 1000, bytes: frames.count + 144) + frames)
    #expect(info.duration == MP3Bytes.seconds(frames: 1000))
    #expect(info.variableBitrate == true)
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.bytesRead <= 8 * 1024)
  }

  @Test func xingHeaderAfterACRC() {
    let frames = MP3Bytes.frames(1000)
    let info = Self.probe(MP3Bytes.xingFrame("Info", frames: 1000, bytes: frames.count + 144, crc: true) + frames)
    #expect(info.duration == MP3Bytes.seconds(frames: 1000))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.bytesRead <= 8 * 1024)
  }

  /// Some encoders counted the ID3v2 tag in the Xing byte count: that still matches the file.
  @Test func xingByteCountIncludingTheTagIsTrusted() {
    let tag = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Tagged"), padding: 2000)
    let frames = MP3Bytes.frames(1000)
    let bytes = tag + MP3Bytes.xingFrame(frames: 1000, bytes: tag.count + frames.count + 144) + frames
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 1000))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.bytesRead <= 24 * 1024)
  }

  @Test func freeFormatIsReportedNotWalked() {
    let frame = [0xFF, 0xFB, 0x08, 0xC4] + [UInt8](repeating: 0, count: 200)
    let info = Self.probe(Array([[UInt8]](repeating: frame, count: 5).joined()))
    #expect(info.container == .mp3)
    #expect(info.duration == nil)
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("free format") == true)
  }

  @Test func utf16TextIsNotTakenForLayerI() {
    #expect(!MP3Parser.matches([0xFF, 0xFE, 0x31, 0x00, 0x0A, 0x00]))
    #expect(MP3Parser.matches([0x00, 0x00, 0xFF, 0xFB, 0x90, 0x44]))
  }

  @Test func hourLongVBRWithoutHeaderIsCountedFrameByFrame() {
    let bytes = MP3Bytes.frames(Self.hourOfFrames, kbps: [32, 40, 48])
    let info = Self.probe(bytes)
    #expect(info.duration == 3600)
    #expect(info.variableBitrate == true)
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
    #expect(info.findings.first?.message.contains("no Xing or VBRI header") == true)
  }

  @Test func readLimitGivesAnEstimateAndSaysSo() {
    var limits = ProbeLimits()
    limits.maximumBytesRead = 1024 * 1024
    let info = Self.probe(MP3Bytes.frames(Self.hourOfFrames), limits: limits)
    #expect(info.findings.map(\.ruleID) == ["PROBE-LIMIT"])
    #expect(abs((info.duration ?? 0) - 3600) < 1)
    #expect(info.bytesRead <= 1024 * 1024)
  }

  @Test func headerThatUndercountsIsReportedAndFramesAreCounted() {
    let frames = MP3Bytes.frames(100)
    let bytes = MP3Bytes.xingFrame(frames: 50, bytes: 51 * 144) + frames
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 100))
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
    #expect(info.findings.first?.message.contains("promises 50 frames (1.80 s) in 7344 bytes") == true)
  }

  @Test func headerWithImpossibleFrameCountIsNotTrusted() {
    let frames = MP3Bytes.frames(100)
    let bytes = MP3Bytes.xingFrame(frames: Int(UInt32.max), bytes: 101 * 144) + frames
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 100))
    #expect(info.findings.map(\.ruleID) == ["PROBE-HEADER"])
  }

  @Test func headerThatPromisesMoreThanTheFileHoldsIsTruncation() {
    let bytes = MP3Bytes.xingFrame(frames: 200, bytes: 201 * 144) + MP3Bytes.frames(100)
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 100))
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("promises 200 frames (7.20 s) in 28944 bytes") == true)
    #expect(info.findings.first?.message.contains("holds 100 complete frames (3.60 s) in 14544 bytes") == true)
  }

  /// The header agrees within a frame, so it is trusted; a look at the last frames finds the cut.
  @Test func lastFrameCutShortIsFoundEvenWhenTheHeaderIsTrusted() {
    let bytes = MP3Bytes.xingFrame(frames: 100, bytes: 101 * 144) + MP3Bytes.frames(100).dropLast(44)
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 100))
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("at byte 14400, needs 144 bytes and has only 100") == true)
    #expect(info.bytesRead < 16 * 1024)
  }

  @Test func singleFrameRunningPastTheEndIsATruncatedMP3() {
    let info = Self.probe(Array(MP3Bytes.frame().prefix(100)))
    #expect(info.container == .mp3)
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("at byte 0, needs 144 bytes and has only 100") == true)
  }

  @Test func garbageBetweenTagAndFirstFrameIsReportedWithItsOffset() {
    let tag = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Title"))
    let bytes = tag + [UInt8](repeating: 0x55, count: 40) + MP3Bytes.frames(20)
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 20))
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
    let message = info.findings.first?.message ?? ""
    #expect(message.contains("40 bytes of unknown data at bytes \(tag.count)–\(tag.count + 39)"), "\(message)")
    #expect(message.contains("between the ID3v2 tag and the first MPEG frame"))
  }

  @Test func zeroPaddingAfterTheTagIsSkipped() {
    let tag = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Title"))
    let info = Self.probe(tag + [UInt8](repeating: 0, count: 5000) + MP3Bytes.frames(20))
    #expect(info.container == .mp3)
    #expect(info.duration == MP3Bytes.seconds(frames: 20))
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
  }

  @Test func garbageBetweenFramesIsCountedAndSkipped() {
    var bytes = MP3Bytes.frames(10)
    for _ in 0..<4 { bytes += [UInt8](repeating: 0x55, count: 50) + MP3Bytes.frames(10) }
    let info = Self.probe(bytes)
    #expect(info.duration == MP3Bytes.seconds(frames: 50))
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
    #expect(
      info.findings.first?.message.contains("4 stretches of unknown data between MPEG frames, 200 bytes in all "
        + "(50 at byte 1440, 50 at byte 2930, 50 at byte 4420, …)") == true)
  }

  @Test func garbageAfterTheLastFrameIsReported() {
    let info = Self.probe(MP3Bytes.frames(20) + [UInt8](repeating: 0x55, count: 30))
    #expect(info.duration == MP3Bytes.seconds(frames: 20))
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
    #expect(info.findings.first?.message.contains("30 bytes of unknown data after the last MPEG frame, at bytes 2880–2909") == true)
  }

  @Test func filesJoinedEndToEndAreRecognised() {
    let second = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Second"))
    let info = Self.probe(MP3Bytes.frames(10) + MP3Bytes.id3v1(title: "First") + second + MP3Bytes.frames(10))
    #expect(info.duration == MP3Bytes.seconds(frames: 20))
    #expect(info.findings.map(\.ruleID) == ["PROBE-GARBAGE"])
    #expect(info.findings.first?.message.contains("a tag at byte 1440 says files were joined end to end") == true)
  }

  @Test func aSecondStreamWithAnotherSampleRateIsReported() {
    let other = [0xFF, 0xFB, 0x90, 0xC4] + [UInt8](repeating: 0, count: 413)  // 44.1 kHz, 128 kb/s.
    let info = Self.probe(MP3Bytes.frames(10) + Array([[UInt8]](repeating: other, count: 10).joined()))
    #expect(info.duration == MP3Bytes.seconds(frames: 10))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(
      info.findings.first?.message.contains(
        "another MPEG stream (MPEG-1 Layer III, 44100 Hz, mono) starts at byte 1440, after the MPEG-1 Layer III, "
          + "32000 Hz, mono one") == true)
  }

  struct OtherLayer: Sendable, CustomStringConvertible {
    var name: String
    var header: [UInt8]
    var frameLength: Int
    var samplesPerFrame: Int
    var sampleRate: Int
    var codec: String
    var description: String { name }
  }

  /// Layers I and II, MPEG-2.5 and CRC-protected frames are walked like any other.
  @Test(arguments: [
    OtherLayer(name: "MPEG-1 Layer II", header: [0xFF, 0xFD, 0x18, 0xC4], frameLength: 144, samplesPerFrame: 1152,
      sampleRate: 32_000, codec: "mp2"),
    OtherLayer(name: "MPEG-1 Layer I", header: [0xFF, 0xFF, 0x18, 0xC4], frameLength: 48, samplesPerFrame: 384,
      sampleRate: 32_000, codec: "mp1"),
    OtherLayer(name: "MPEG-2.5 Layer III", header: [0xFF, 0xE3, 0x28, 0xC4], frameLength: 144, samplesPerFrame: 576,
      sampleRate: 8_000, codec: "mp3"),
    OtherLayer(name: "MPEG-1 Layer III with CRC", header: [0xFF, 0xFA, 0x18, 0xC4], frameLength: 144,
      samplesPerFrame: 1152, sampleRate: 32_000, codec: "mp3"),
  ])
  func walksOtherLayersAndVersions(_ layer: OtherLayer) {
    let frame = layer.header + [UInt8](repeating: 0, count: layer.frameLength - 4)
    let info = Self.probe(Array([[UInt8]](repeating: frame, count: 30).joined()))
    #expect(info.codecs == [layer.codec])
    #expect(info.sampleRate == layer.sampleRate)
    #expect(info.channels == 1)
    #expect(info.duration == Double(30 * layer.samplesPerFrame) / Double(layer.sampleRate))
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  @Test func frameHeaderTableValues() throws {
    let cbr128 = try #require(MPEGFrameHeader(0xFF, 0xFB, 0x90, 0x44))
    #expect(cbr128.bitrate == 128_000)
    #expect(cbr128.sampleRate == 44_100)
    #expect(cbr128.frameLength == 417)
    #expect(try #require(MPEGFrameHeader(0xFF, 0xFB, 0x92, 0x44)).frameLength == 418)
    #expect(try #require(MPEGFrameHeader(0xFF, 0xF3, 0x48, 0xC4)).frameLength == 144)  // MPEG-2, 32 kb/s, 16 kHz.
    #expect(MPEGFrameHeader(0xFF, 0xFB, 0xF0, 0x44) == nil)  // Bitrate index 15.
    #expect(MPEGFrameHeader(0xFF, 0xFB, 0x00, 0x44) == nil)  // Free format.
    #expect(MPEGFrameHeader(0xFF, 0xFB, 0x9C, 0x44) == nil)  // Sample rate index 3.
    #expect(MPEGFrameHeader(0xFF, 0xEB, 0x90, 0x44) == nil)  // Reserved version.
    #expect(MPEGFrameHeader(0xFF, 0xF9, 0x90, 0x44) == nil)  // Reserved layer.
  }
}
