import Testing

@testable import MediaProbe

/// PNG structures built chunk by chunk. CRCs are left zero: the probe doesn't read chunk data.
@Suite struct PNGTests {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  static func chunk(_ type: String, _ data: [UInt8] = [], length: UInt32? = nil) -> [UInt8] {
    let length = length ?? UInt32(data.count)
    return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + Array(type.utf8) + data + [0, 0, 0, 0]
  }

  static func header(
    width: UInt32 = 1400, height: UInt32 = 1400, depth: UInt8 = 8, colour: UInt8 = 2, interlace: UInt8 = 0
  ) -> [UInt8] {
    let size = [width, height].flatMap { value in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    return chunk("IHDR", size + [depth, colour, 0, 0, interlace])
  }

  static func png(_ chunks: [[UInt8]]) -> [UInt8] { signature + chunks.joined() }

  static let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

  static func probe(_ bytes: [UInt8]) -> MediaInfo { MediaProbe().probe(bytes: bytes, name: "cover.png") }

  @Test func readsAWholeFile() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("IDAT", [1, 2, 3]), Self.end]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 1400 && info.height == 1400)
    #expect(info.colourModel == "rgb")
    #expect(info.hasAlpha == false)
    #expect(info.progressive == false)
  }

  @Test(
    arguments: [
      (0, 8, "grayscale", false), (2, 16, "rgb", false), (3, 4, "indexed", false), (4, 8, "grayscale", true),
      (6, 16, "rgb", true),
    ] as [(UInt8, UInt8, String, Bool)])
  func colourTypes(_ colour: UInt8, _ depth: UInt8, _ model: String, _ alpha: Bool) {
    let palette = colour == 3 ? [Self.chunk("PLTE", [0, 0, 0])] : []
    let info = Self.probe(
      Self.png([Self.header(depth: depth, colour: colour)] + palette + [Self.chunk("IDAT"), Self.end]))
    #expect(info.colourModel == model)
    #expect(info.hasAlpha == alpha)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  /// Transparency counts only before the image data, where decoders look for it.
  @Test(arguments: [true, false])
  func transparencyChunk(_ beforeData: Bool) {
    let transparency = Self.chunk("tRNS", [0, 0, 0, 0, 0, 0])
    let chunks = beforeData ? [transparency, Self.chunk("IDAT")] : [Self.chunk("IDAT"), transparency]
    let info = Self.probe(Self.png([Self.header()] + chunks + [Self.end]))
    #expect(info.hasAlpha == beforeData)
  }

  @Test func headerMustComeFirst() {
    let info = Self.probe(Self.png([Self.chunk("gAMA", [0, 0, 0, 1]), Self.header(), Self.chunk("IDAT"), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.width == nil)
    #expect(info.findings.first?.message.contains("is gAMA of 4 bytes") == true)
  }

  @Test(arguments: [
    Self.header(width: 0), Self.header(height: 0x8000_0000), Self.header(depth: 4, colour: 2),
    Self.header(depth: 16, colour: 3), Self.header(colour: 5), Self.header(interlace: 2),
  ])
  func invalidHeaderValues(_ header: [UInt8]) {
    let info = Self.probe(Self.png([header, Self.chunk("PLTE", [0, 0, 0]), Self.chunk("IDAT"), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  @Test func chunkClaiming2GB() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("IDAT", [1, 2, 3], length: 0x7FFF_FFFF)]))
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("IDAT chunk at byte 33 needs 2147483647 bytes") == true)
    #expect(info.bytesRead < 8192)
  }

  @Test func chunkLengthOverPNGsLimit() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("IDAT", [1], length: 0xFFFF_FFFF)]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("at most 2^31-1") == true)
  }

  @Test func chunkTypeThatIsNoType() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("ID\u{0}T"), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("49 44 00 54") == true)
  }

  @Test func missingEnd() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("IDAT", [1, 2])]))
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
  }

  @Test func bytesAfterTheEnd() {
    let info = Self.probe(Self.png([Self.header(), Self.chunk("IDAT"), Self.end, [1, 2, 3]]))
    #expect(ImageFixture.rules(info) == ["PROBE-GARBAGE"])
  }

  @Test func endBeforeData() {
    let info = Self.probe(Self.png([Self.header(), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  @Test func indexedWithoutPalette() {
    let info = Self.probe(Self.png([Self.header(colour: 3), Self.chunk("IDAT"), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("palette") == true)
  }

  @Test func secondHeader() {
    let info = Self.probe(Self.png([Self.header(), Self.header(), Self.chunk("IDAT"), Self.end]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  /// A large image holds its data in many IDAT chunks: after a few dozen headers the probe
  /// checks the last 12 bytes for IEND instead of reading every header.
  @Test(arguments: [true, false])
  func manyDataChunks(_ complete: Bool) {
    let data = Array(repeating: Self.chunk("IDAT", [UInt8](repeating: 7, count: 1024)), count: 200)
    let bytes = Self.png([Self.header()] + data + (complete ? [Self.end] : []))
    let info = Self.probe(bytes)
    #expect(ImageFixture.rules(info) == (complete ? [] : ["PROBE-TRUNCATED"]))
    #expect(info.bytesRead < 16 * 1024)
  }
}
