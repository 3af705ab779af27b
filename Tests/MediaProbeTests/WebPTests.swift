import Testing

@testable import MediaProbe

/// WebP files built chunk by chunk: the three bitstream headers and broken RIFF sizes.
@Suite struct WebPTests {
  static func le(_ value: Int, _ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    Array(type.utf8) + le(data.count, 4) + data + (data.count % 2 == 1 ? [0] : [])
  }

  /// RIFF, its size (the real one unless given), WEBP, the chunks.
  static func webp(_ chunks: [[UInt8]], riffSize: Int? = nil) -> [UInt8] {
    let body = Array("WEBP".utf8) + chunks.joined()
    return Array("RIFF".utf8) + le(riffSize ?? body.count, 4) + body
  }

  static func vp8(width: Int, height: Int, tag: UInt8 = 0x50, start: [UInt8] = [0x9D, 0x01, 0x2A]) -> [UInt8] {
    chunk("VP8 ", [tag, 0x18, 0x00] + start + le(width, 2) + le(height, 2) + [0, 0])
  }

  static func vp8l(width: Int, height: Int, alpha: Bool, version: Int = 0) -> [UInt8] {
    let bits = (width - 1) | (height - 1) << 14 | (alpha ? 1 << 28 : 0) | version << 29
    return chunk("VP8L", [0x2F] + le(bits, 4) + [0, 0, 0])
  }

  static func vp8x(width: Int, height: Int, flags: UInt8) -> [UInt8] {
    chunk("VP8X", [flags, 0, 0, 0] + le(width - 1, 3) + le(height - 1, 3))
  }

  static func probe(_ bytes: [UInt8]) -> MediaInfo { MediaProbe().probe(bytes: bytes, name: "cover.webp") }

  /// The top two bits of VP8's 16-bit sizes are an upscaling hint, not part of the size.
  @Test func lossy() {
    let info = Self.probe(Self.webp([Self.vp8(width: 0xC000 | 1400, height: 0x4000 | 1400)]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 1400 && info.height == 1400)
    #expect(info.hasAlpha == false)
    #expect(info.colourModel == "rgb")
    #expect(info.mimeType == "image/webp")
  }

  @Test(arguments: [true, false])
  func lossless(_ alpha: Bool) {
    let info = Self.probe(Self.webp([Self.vp8l(width: 16384, height: 3000, alpha: alpha)]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 16384 && info.height == 3000)
    #expect(info.hasAlpha == alpha)
  }

  @Test(arguments: [0x10, 0x00, 0x12] as [UInt8])
  func extended(_ flags: UInt8) {
    let info = Self.probe(
      Self.webp([Self.vp8x(width: 3000, height: 2000, flags: flags), Self.vp8(width: 3000, height: 2000)]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 3000 && info.height == 2000)
    #expect(info.hasAlpha == (flags & 0x10 != 0))
  }

  @Test func absurdCanvas() {
    let info = Self.probe(Self.webp([Self.vp8x(width: 1 << 24, height: 1 << 24, flags: 0)]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.width == 1 << 24)
    #expect(info.findings.first?.message.contains("16777216x16777216") == true)
  }

  @Test func riffSizeLargerThanTheFile() {
    let info = Self.probe(Self.webp([Self.vp8(width: 10, height: 10)], riffSize: 200_000_000))
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(info.width == 10)
    #expect(info.bytesRead < 8192)
  }

  @Test func bytesAfterTheRIFFData() {
    let info = Self.probe(Self.webp([Self.vp8(width: 10, height: 10)]) + [0, 0, 0, 0])
    #expect(ImageFixture.rules(info) == ["PROBE-GARBAGE"])
  }

  @Test func chunkPastTheRIFFData() {
    var bytes = Self.webp([Self.vp8x(width: 10, height: 10, flags: 0), Self.vp8(width: 10, height: 10)])
    bytes[34] = 0xFF  // the VP8 chunk's size, now past the RIFF data
    let info = Self.probe(bytes + [UInt8](repeating: 0, count: 300))
    #expect(ImageFixture.rules(info) == ["PROBE-GARBAGE", "PROBE-MALFORMED"])
  }

  @Test(arguments: [
    Self.vp8(width: 10, height: 10, tag: 0x51), Self.vp8(width: 10, height: 10, start: [0, 0, 0]),
    Self.vp8(width: 0, height: 10), Self.vp8l(width: 10, height: 10, alpha: false, version: 1),
    Self.chunk("VP8L", [0x2E, 0, 0, 0, 0]), Self.chunk("VP8 ", [0, 0]), Self.chunk("ALPH", [1, 2, 3, 4]),
  ])
  func brokenBitstreamHeaders(_ chunk: [UInt8]) {
    let info = Self.probe(Self.webp([chunk]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.width == nil)
  }
}
