import PodiumTestSupport
import Testing

@testable import MediaProbe

/// Real images made by ImageMagick and ffmpeg (Fixtures/make-img.sh), probed from disk.
@Suite struct ImageProbeTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    var file: String
    var container: Container
    var width: Int
    var height: Int
    var colourModel: String
    var progressive: Bool?
    var hasAlpha: Bool
    var testDescription: String { file }
  }

  static let fixtures: [Expected] = [
    Expected(
      file: "baseline-rgb.jpg", container: .jpeg, width: 64, height: 64, colourModel: "rgb", progressive: false,
      hasAlpha: false),
    Expected(
      file: "progressive.jpg", container: .jpeg, width: 64, height: 64, colourModel: "rgb", progressive: true,
      hasAlpha: false),
    // libjpeg stores ImageMagick's CMYK as YCCK: Adobe APP14 with transform 2.
    Expected(
      file: "cmyk.jpg", container: .jpeg, width: 64, height: 64, colourModel: "ycck", progressive: false,
      hasAlpha: false),
    Expected(
      file: "gray.jpg", container: .jpeg, width: 64, height: 64, colourModel: "grayscale", progressive: false,
      hasAlpha: false),
    Expected(
      file: "artwork-1400.jpg", container: .jpeg, width: 1400, height: 1400, colourModel: "rgb", progressive: false,
      hasAlpha: false),
    Expected(
      file: "rgb.png", container: .png, width: 64, height: 64, colourModel: "rgb", progressive: false, hasAlpha: false),
    Expected(
      file: "rgba.png", container: .png, width: 64, height: 64, colourModel: "rgb", progressive: false, hasAlpha: true),
    Expected(
      file: "indexed.png", container: .png, width: 64, height: 64, colourModel: "indexed", progressive: false,
      hasAlpha: false),
    Expected(
      file: "gray-interlaced.png", container: .png, width: 64, height: 64, colourModel: "grayscale", progressive: true,
      hasAlpha: false),
    Expected(
      file: "lossy.webp", container: .webp, width: 64, height: 64, colourModel: "rgb", progressive: nil, hasAlpha: false
    ),
    Expected(
      file: "lossless-alpha.webp", container: .webp, width: 64, height: 64, colourModel: "rgb", progressive: nil,
      hasAlpha: true),
    Expected(
      file: "lossy-alpha.webp", container: .webp, width: 64, height: 64, colourModel: "rgb", progressive: nil,
      hasAlpha: true),
  ]

  @Test(arguments: fixtures)
  func readsTheFacts(_ expected: Expected) throws {
    let info = try ImageFixture.probe(expected.file)
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.container == expected.container)
    #expect(info.mimeType == "image/\(expected.container.rawValue)")
    #expect(info.width == expected.width)
    #expect(info.height == expected.height)
    #expect(info.colourModel == expected.colourModel)
    #expect(info.progressive == expected.progressive)
    #expect(info.hasAlpha == expected.hasAlpha)
    #expect(info.size == Int64(try ImageFixture.bytes(expected.file).count))
    #expect(info.duration == nil)
  }

  /// A 1400x1400 JPEG is probed from its first 4 KB and its last bytes, not read whole.
  @Test func readsLittleOfALargeImage() throws {
    let info = try ImageFixture.probe("artwork-1400.jpg")
    #expect(info.bytesRead <= 8 * 1024)
    #expect(info.bytesRead < info.size / 2)
  }

  @Test(arguments: [("truncated.jpg", 64), ("truncated.png", 64)])
  func truncatedImagesSaySo(_ file: String, side: Int) throws {
    let info = try ImageFixture.probe(file)
    #expect(ImageFixture.rules(info) == ["PROBE-TRUNCATED"])
    #expect(info.width == side && info.height == side)
  }

  /// The "JPEG named .mp3": detected by content, and the name reported.
  @Test func detectsByContentNotName() throws {
    let info = MediaProbe().probe(bytes: try ImageFixture.bytes("baseline-rgb.jpg"), name: "episode.mp3")
    #expect(info.container == .jpeg)
    #expect(ImageFixture.rules(info) == ["PROBE-EXTENSION"])
  }

  /// Every prefix of every image: a clear finding each time, never a crash or a silent pass.
  @Test(arguments: [
    "baseline-rgb.jpg", "progressive.jpg", "rgb.png", "indexed.png", "lossy.webp", "lossless-alpha.webp",
    "lossy-alpha.webp",
  ])
  func everyPrefixGivesAFinding(_ file: String) throws {
    let bytes = try ImageFixture.bytes(file)
    for length in 0..<bytes.count {
      let info = MediaProbe().probe(bytes: Array(bytes[..<length]), name: file)
      #expect(!info.findings.isEmpty, "\(file) cut to \(length) bytes passed")
      #expect(info.findings.allSatisfy { $0.message.count < 300 })
    }
  }

  /// Random bytes behind each signature: findings, never a crash or a hang.
  @Test(arguments: [
    [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBP".utf8),
  ])
  func randomBytesBehindASignature(_ signature: [UInt8]) {
    var random = SeededRandom(seed: UInt64(signature[0]))
    for round in 0..<500 {
      let bytes = signature + random.bytes(round % 7 == 0 ? 5000 : Int.random(in: 0...200, using: &random))
      let info = MediaProbe().probe(bytes: bytes, name: "noise")
      #expect(info.bytesRead < 16 * 1024)
      _ = info.findings
    }
  }
}
