import Testing

@testable import MediaProbe

/// Codec strings and audio configuration from decoder configuration bytes, by hand.
@Suite struct MP4CodecStringTests {
  /// Packs `(value, bits)` fields most significant bit first.
  static func bits(_ fields: [(UInt32, Int)]) -> [UInt8] {
    var bytes: [UInt8] = []
    var current: UInt8 = 0
    var used = 0
    for (value, width) in fields {
      for bit in (0..<width).reversed() {
        current = current << 1 | UInt8(value >> UInt32(bit) & 1)
        used += 1
        if used == 8 {
          bytes.append(current)
          (current, used) = (0, 0)
        }
      }
    }
    return used == 0 ? bytes : bytes + [current << (8 - used)]
  }

  @Test(
    arguments: [
      ([1, 0x64, 0x00, 0x1F], "avc1.64001f"), ([1, 0x4D, 0x40, 0x1E], "avc1.4d401e"),
      ([1, 0x42, 0xC0, 0x0D], "avc1.42c00d"),
    ] as [([UInt8], String)])
  func avc(_ config: [UInt8], _ expected: String) throws {
    var reader = ByteReader(config)
    #expect(try MP4VideoCodec.avc("avc1", &reader) == expected)
  }

  /// ISO/IEC 14496-15 E.5's examples, and the other profile spaces and tiers.
  @Test(
    arguments: [
      ("hev1", [1, 0x01, 0x60, 0, 0, 0, 0xB0, 0, 0, 0, 0, 0, 93], "hev1.1.6.L93.B0"),
      ("hvc1", [1, 0x22, 0x20, 0, 0, 0, 0xB0, 0, 0, 0, 0, 0, 120], "hvc1.2.4.H120.B0"),
      ("hev1", [1, 0x44, 0x08, 0, 0, 0, 0x98, 0x08, 0, 0, 0, 0, 153], "hev1.A4.10.L153.98.08"),
      ("hvc1", [1, 0xC1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90], "hvc1.C1.0.L90"),
    ] as [(String, [UInt8], String)])
  func hevc(_ format: String, _ config: [UInt8], _ expected: String) throws {
    var reader = ByteReader(config)
    #expect(try MP4VideoCodec.hevc(format, &reader) == expected)
  }

  @Test(
    arguments: [
      ([0x81, 0x00, 0x0C], "av01.0.00M.08"), ([0x81, 0x08, 0x4C], "av01.0.08M.10"),
      ([0x81, 0x2D, 0xC0], "av01.1.13H.10"),
      ([0x81, 0x44, 0x60], "av01.2.04M.12"),
    ] as [([UInt8], String)])
  func av1(_ config: [UInt8], _ expected: String) throws {
    var reader = ByteReader(config)
    #expect(try MP4VideoCodec.av1(&reader) == expected)
  }

  @Test func vp9() throws {
    var reader = ByteReader([1, 0, 0, 0, 2, 31, 0xA0])
    #expect(try MP4VideoCodec.vp9("vp09", &reader) == "vp09.02.31.10")
  }

  @Test func cutConfigurationThrows() {
    var reader = ByteReader([1, 0x64])
    #expect(throws: ProbeFailure.self) { try MP4VideoCodec.avc("avc1", &reader) }
  }

  struct Config: Sendable, CustomStringConvertible {
    var name: String
    var bytes: [UInt8]
    var objectType: Int
    var sampleRate: Int?
    var channels: Int?
    var description: String { name }
  }

  static let configs: [Config] = [
    Config(name: "AAC-LC 44.1 kHz stereo", bytes: [0x12, 0x10], objectType: 2, sampleRate: 44100, channels: 2),
    Config(
      name: "AAC-LC 22.05 kHz mono", bytes: bits([(2, 5), (7, 4), (1, 4), (0, 3)]), objectType: 2, sampleRate: 22050,
      channels: 1),
    Config(
      name: "HE-AAC explicit", bytes: bits([(5, 5), (6, 4), (2, 4), (3, 4), (2, 5)]), objectType: 5, sampleRate: 48000,
      channels: 2),
    Config(
      name: "HE-AAC v2 explicit", bytes: bits([(29, 5), (6, 4), (1, 4), (3, 4), (2, 5)]), objectType: 29,
      sampleRate: 48000, channels: 2),
    Config(
      name: "HE-AAC backward compatible",
      bytes: bits([(2, 5), (6, 4), (1, 4), (0, 3), (0x2B7, 11), (5, 5), (1, 1), (3, 4), (0x548, 11), (1, 1)]),
      objectType: 2, sampleRate: 48000, channels: 2),
    Config(
      name: "escaped object type (USAC)", bytes: bits([(31, 5), (10, 6), (3, 4), (2, 4)]), objectType: 42,
      sampleRate: 48000, channels: 2),
    Config(
      name: "explicit rate", bytes: bits([(2, 5), (15, 4), (37800, 24), (7, 4)]), objectType: 2, sampleRate: 37800,
      channels: 8),
    Config(
      name: "reserved rate index", bytes: bits([(2, 5), (13, 4), (1, 4)]), objectType: 2, sampleRate: nil, channels: 1),
  ]

  @Test(arguments: configs) func audioSpecificConfig(_ config: Config) throws {
    let parsed = try #require(MP4AudioSpecificConfig(config.bytes[...]))
    #expect(parsed.objectType == config.objectType)
    #expect(parsed.sampleRate == config.sampleRate)
    #expect(parsed.channels == config.channels)
  }

  @Test func cutAudioSpecificConfigIsNil() {
    #expect(MP4AudioSpecificConfig([0x12][...]) == nil)
    #expect(MP4AudioSpecificConfig([][...]) == nil)
  }

  /// An `esds` payload as ffmpeg writes it: ES, decoder config and decoder specific info, with
  /// four-byte sizes.
  static func esds(objectType: UInt8, info: [UInt8]) -> [UInt8] {
    let specific: [UInt8] = [0x05, 0x80, 0x80, 0x80, UInt8(info.count)] + info
    let decoder: [UInt8] =
      [0x04, 0x80, 0x80, 0x80, UInt8(13 + specific.count), objectType, 0x15] + [UInt8](repeating: 0, count: 11)
      + specific
    return [0x03, 0x80, 0x80, 0x80, UInt8(3 + decoder.count), 0, 1, 0] + decoder
  }

  @Test(
    arguments: [
      (0x40, [0x12, 0x10], "mp4a.40.2"), (0x40, bits([(31, 5), (10, 6), (3, 4), (2, 4)]), "mp4a.40.42"),
      (0x6B, [], "mp4a.6B"),
      (0x69, [], "mp4a.69"), (0x40, [], "mp4a.40"), (0x67, [0x12, 0x10], "mp4a.67"),
    ] as [(UInt8, [UInt8], String)])
  func elementaryStream(_ objectType: UInt8, _ info: [UInt8], _ codec: String) throws {
    var reader = ByteReader(Self.esds(objectType: objectType, info: info))
    let stream = try #require(try MP4ElementaryStream.parse(&reader))
    #expect(stream.objectType == objectType)
    #expect(stream.audioCodec == codec)
  }

  @Test func mpeg4VisualProfile() throws {
    var reader = ByteReader(Self.esds(objectType: 0x20, info: [0, 0, 1, 0xB0, 0xF5, 0, 0, 1, 0xB5]))
    #expect(try MP4ElementaryStream.parse(&reader)?.visualCodec == "mp4v.20.245")
  }

  @Test(
    arguments: [
      ([0xFF, 0xFB, 0x90, 0xC4], 44100, 1), ([0xFF, 0xFB, 0x94, 0x44], 48000, 2), ([0xFF, 0xF3, 0x44, 0xC0], 24000, 1),
      ([0xFF, 0xE3, 0x18, 0x00], 8000, 2),
    ] as [([UInt8], Int, Int)])
  func mp3FrameHeader(_ bytes: [UInt8], _ rate: Int, _ channels: Int) throws {
    let header = try #require(MP4MPEGAudioFrame.header(bytes[...]))
    #expect(header.sampleRate == rate)
    #expect(header.channels == channels)
  }

  @Test func notAnMP3FrameHeader() {
    #expect(MP4MPEGAudioFrame.header([0xFF, 0xFB, 0x9C, 0xC4][...]) == nil)
    #expect(MP4MPEGAudioFrame.header([0x00, 0xFB, 0x90, 0xC4][...]) == nil)
    #expect(MP4MPEGAudioFrame.header([0xFF, 0xFB][...]) == nil)
  }

  @Test(arguments: [(0x15C7, "eng"), (0x55C4, nil), (0x7FFF, nil), (0, nil), (0x1A45, "fre")] as [(UInt16, String?)])
  func language(_ packed: UInt16, _ expected: String?) {
    #expect(MP4Fields.language(packed) == expected)
  }

  @Test func fourCCText() {
    #expect(MP4FourCC("©nam").description == "©nam")
    #expect(MP4FourCC(0x0001_6D6F).description == "\\x00\\x01mo")
    #expect(MP4FourCC("mp4a").codecName == "mp4a")
    #expect(MP4FourCC("png ").codecName == "png")
    #expect(MP4FourCC(0x0000_0000).codecName == nil)
    #expect(MP4VideoCodec.reversed(0x6000_0000) == 6)
  }
}
