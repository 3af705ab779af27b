/// The four bytes in front of every MPEG audio frame: they say how long the frame is and how many
/// samples it holds, which is all a probe needs to count the duration exactly.
struct MPEGFrameHeader: Equatable {
  enum Version: Equatable { case mpeg1, mpeg2, mpeg25 }

  let version: Version
  /// 1, 2 or 3.
  let layer: Int
  /// Bits per second.
  let bitrate: Int
  let sampleRate: Int
  let isMono: Bool
  let hasCRC: Bool
  /// Bytes, header included.
  let frameLength: Int
  let samplesPerFrame: Int
  /// The bits that stay the same in every frame of one stream (version, layer, sample rate, mono or
  /// not): a candidate frame with other bits is a false sync inside audio data.
  let streamKey: UInt32

  /// Kilobits per second by table row (MPEG-1 layers I–III, MPEG-2/2.5 layer I, MPEG-2/2.5 layers II–III)
  /// and bitrate index 1–14. Index 0 (free format) and 15 are refused.
  private static let kilobits: [[Int]] = [
    [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ]
  private static let mpeg1Rates = [44100, 48000, 32000]

  init?(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
    guard b0 == 0xFF, b1 & 0xE0 == 0xE0 else { return nil }
    let versionBits = (b1 >> 3) & 3, layerBits = (b1 >> 1) & 3
    let bitrateIndex = Int(b2 >> 4), rateIndex = Int((b2 >> 2) & 3)
    guard versionBits != 1, layerBits != 0, bitrateIndex != 0, bitrateIndex != 15, rateIndex != 3, b3 & 3 != 2
    else { return nil }
    version = versionBits == 3 ? .mpeg1 : versionBits == 2 ? .mpeg2 : .mpeg25
    layer = 4 - Int(layerBits)
    let row = version == .mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4)
    bitrate = Self.kilobits[row][bitrateIndex - 1] * 1000
    sampleRate = Self.mpeg1Rates[rateIndex] >> (version == .mpeg1 ? 0 : version == .mpeg2 ? 1 : 2)
    isMono = b3 >> 6 == 3
    hasCRC = b1 & 1 == 0
    let padding = Int((b2 >> 1) & 1)
    switch layer {
    case 1:
      frameLength = (12 * bitrate / sampleRate + padding) * 4
      samplesPerFrame = 384
    case 2:
      frameLength = 144 * bitrate / sampleRate + padding
      samplesPerFrame = 1152
    default:
      frameLength = (version == .mpeg1 ? 144 : 72) * bitrate / sampleRate + padding
      samplesPerFrame = version == .mpeg1 ? 1152 : 576
    }
    streamKey = UInt32(b1 & 0xFE) << 16 | UInt32(b2 & 0x0C) << 8 | (isMono ? 1 : 0)
  }

  /// The header at `index`, if four bytes are there and they form a valid header.
  init?(_ bytes: [UInt8], at index: Int) {
    guard index >= 0, index + 4 <= bytes.count else { return nil }
    self.init(bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
  }

  /// A valid header but for bitrate index 0, "free format": frame lengths aren't in the headers and
  /// few decoders (ffmpeg not among them) play it, so it is reported rather than walked.
  static func isFreeFormat(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + 4 <= bytes.count, bytes[index + 2] >> 4 == 0 else { return false }
    var header = Array(bytes[index..<index + 4])
    header[2] |= 0x10
    return MPEGFrameHeader(header, at: 0) != nil
  }

  /// The longest frame this stream can have (highest bitrate, padded): the tolerance for "one frame".
  var longestFrame: Int {
    switch layer {
    case 1: (12 * (version == .mpeg1 ? 448_000 : 256_000) / sampleRate + 1) * 4
    case 2: 144 * (version == .mpeg1 ? 384_000 : 160_000) / sampleRate + 1
    default: (version == .mpeg1 ? 144 * 320_000 : 72 * 160_000) / sampleRate + 1
    }
  }

  /// The shortest frame this stream can have (lowest bitrate, unpadded).
  var shortestFrame: Int {
    switch layer {
    case 1: 12 * 32_000 / sampleRate * 4
    case 2: 144 * (version == .mpeg1 ? 32_000 : 8_000) / sampleRate
    default: (version == .mpeg1 ? 144 * 32_000 : 72 * 8_000) / sampleRate
    }
  }

  /// Bytes of side information after the header: the Xing header follows it.
  var sideInfoLength: Int {
    version == .mpeg1 ? (isMono ? 17 : 32) : (isMono ? 9 : 17)
  }

  /// The codec name the probe reports.
  var codec: String { layer == 3 ? "mp3" : layer == 2 ? "mp2" : "mp1" }
}
