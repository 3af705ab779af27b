import Testing

@testable import MediaProbe

/// JPEG structures built byte by byte: colour models, frame markers and broken segments.
@Suite struct JPEGTests {
  /// SOI, the segments, a scan with a few bytes of data, EOI.
  static func jpeg(_ segments: [[UInt8]], scan: Bool = true) -> [UInt8] {
    var bytes: [UInt8] = [0xFF, 0xD8]
    for segment in segments { bytes += segment }
    if scan { bytes += segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] }
    return bytes + [0xFF, 0xD9]
  }

  static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
    let length = payload.count + 2
    return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
  }

  static func frame(_ marker: UInt8 = 0xC0, width: Int = 300, height: Int = 200, components: Int = 3) -> [UInt8] {
    let sizes: [UInt8] = [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
    let specs = (0..<components).flatMap { [UInt8($0 + 1), 0x11, 0] as [UInt8] }
    return segment(marker, sizes + [UInt8(components)] + specs)
  }

  static func adobe(transform: UInt8) -> [UInt8] {
    segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, transform])
  }

  static func probe(_ bytes: [UInt8], limits: ProbeLimits = ProbeLimits()) -> MediaInfo {
    MediaProbe(limits: limits).probe(bytes: bytes, name: "cover.jpg")
  }

  @Test func readsAFrame() {
    let info = Self.probe(
      Self.jpeg([Self.segment(0xE0, Array("JFIF\u{0}".utf8) + [1, 2, 0, 0, 1, 0, 1, 0, 0]), Self.frame()]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 300 && info.height == 200)
    #expect(info.colourModel == "rgb")
    #expect(info.progressive == false)
    #expect(info.hasAlpha == false)
  }

  @Test(
    arguments: [
      (1, nil, "grayscale"), (3, nil, "rgb"), (3, 0, "rgb"), (3, 1, "rgb"), (4, nil, "cmyk"), (4, 0, "cmyk"),
      (4, 1, "cmyk"), (4, 2, "ycck"), (2, nil, nil),
    ] as [(Int, UInt8?, String?)])
  func colourModels(_ components: Int, _ transform: UInt8?, _ model: String?) {
    let adobe = transform.map { [Self.adobe(transform: $0)] } ?? []
    let info = Self.probe(Self.jpeg(adobe + [Self.frame(components: components)]))
    #expect(info.colourModel == model)
    #expect(info.findings.isEmpty)
  }

  /// The fixture's YCCK turns to CMYK when its Adobe transform byte says 0.
  @Test func cmykWithoutTransform() throws {
    var bytes = try ImageFixture.bytes("cmyk.jpg")
    let adobe = try #require((0..<bytes.count - 5).first { Array(bytes[$0..<$0 + 5]) == Array("Adobe".utf8) })
    bytes[adobe + 11] = 0
    #expect(Self.probe(bytes).colourModel == "cmyk")
  }

  @Test(arguments: [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF] as [UInt8])
  func everyFrameMarker(_ marker: UInt8) {
    let info = Self.probe(Self.jpeg([Self.frame(marker, width: 1400, height: 1400)]))
    #expect(info.width == 1400)
    #expect(info.progressive == [0xC2, 0xC6, 0xCA, 0xCE].contains(marker))
    #expect(info.findings.isEmpty)
  }

  /// DHT, JPG and DAC share the SOF range but are not frames.
  @Test(arguments: [0xC4, 0xC8, 0xCC] as [UInt8])
  func tablesAreNotFrames(_ marker: UInt8) {
    let info = Self.probe(Self.jpeg([Self.segment(marker, [0, 1, 2])]))
    #expect(info.width == nil)
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("before any frame header") == true)
  }

  @Test func fillBytesAndRestartMarkersBetweenSegments() {
    let info = Self.probe(Self.jpeg([[0xFF, 0xFF, 0xFF], [0xFF, 0xD3], Self.frame(), [0xFF, 0xFF]]))
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.width == 300)
  }

  @Test(arguments: [0, 1])
  func segmentLengthBelowTwo(_ length: UInt8) {
    let info = Self.probe(Self.jpeg([[0xFF, 0xE1, 0, length], Self.frame()]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("APP1 (FF E1) segment at byte 2 has length \(length)") == true)
  }

  @Test func segmentLongerThanTheFile() {
    let info = Self.probe([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 100))
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("needs 65535 bytes") == true)
  }

  /// 10,000 empty APP markers are walked in a few reads; a lower item limit stops the walk.
  @Test func tenThousandAppMarkers() {
    let apps = Array(repeating: Self.segment(0xE5, []), count: 10_000)
    let bytes = Self.jpeg(apps + [Self.frame()])
    let info = Self.probe(bytes)
    #expect(info.findings.isEmpty)
    #expect(info.width == 300)
    #expect(info.bytesRead < Int64(bytes.count) + 8192)
    var limits = ProbeLimits()
    limits.maximumItems = 100
    let limited = Self.probe(bytes, limits: limits)
    #expect(ImageFixture.rules(limited) == ["PROBE-LIMIT"])
    #expect(limited.width == nil)
  }

  @Test func scanBeforeFrame() {
    let info = Self.probe(Self.jpeg([]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("before any frame header") == true)
  }

  @Test func endBeforeFrame() {
    let info = Self.probe(Self.jpeg([Self.segment(0xDB, [0])], scan: false))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("EOI") == true)
  }

  @Test func fileEndsBeforeFrame() {
    let info = Self.probe([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00])
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("before its frame header") == true)
  }

  @Test func markerExpectedButDataFound() {
    let info = Self.probe(Self.jpeg([Self.segment(0xE0, [1, 2]) + [0x00, 0x00], Self.frame()]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("expected a marker (FF) at byte 8") == true)
  }

  /// Three components need nine bytes of specifications; zero components is no image.
  @Test(arguments: [(3, 5), (0, 0), (4, 11)])
  func frameHeaderTooShortForItsComponents(_ components: Int, _ specBytes: Int) {
    let header: [UInt8] = [8, 0, 10, 0, 10, UInt8(components)] + [UInt8](repeating: 1, count: specBytes)
    let info = Self.probe(Self.jpeg([Self.segment(0xC0, header)]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
    #expect(info.width == nil)
  }

  @Test func heightFromADNLMarker() {
    let info = Self.probe(Self.jpeg([Self.frame(height: 0)]))
    #expect(info.width == 300 && info.height == nil)
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  @Test func zeroWidth() {
    let info = Self.probe(Self.jpeg([Self.frame(width: 0)]))
    #expect(info.width == nil)
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  @Test func bytesAfterTheEnd() {
    let info = Self.probe(Self.jpeg([Self.frame()]) + [0, 0, 0, 0])
    #expect(ImageFixture.rules(info) == ["PROBE-GARBAGE"])
    #expect(info.findings.first?.message.hasPrefix("4 bytes follow") == true)
  }

  @Test func secondStartOfImage() {
    let info = Self.probe(Self.jpeg([[0xFF, 0xD8], Self.frame()]))
    #expect(ImageFixture.rules(info) == ["PROBE-MALFORMED"])
  }

  /// Behind an ID3 tag (a careless tagger), the dispatcher finds the JPEG and the parser says why.
  @Test func behindAnID3Tag() {
    let tag: [UInt8] = Array("ID3".utf8) + [3, 0, 0, 0, 0, 0, 10] + [UInt8](repeating: 0, count: 10)
    let info = MediaProbe().probe(bytes: tag + Self.jpeg([Self.frame()]), name: "cover.jpg")
    #expect(info.container == .jpeg)
    #expect(info.width == 300)
    #expect(ImageFixture.rules(info) == ["PROBE-GARBAGE"])
  }
}
