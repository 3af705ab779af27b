/// MPEG-4 audio's AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1): the object type, and the
/// sample rate and channels, including the doubled rate of SBR (HE-AAC) and the stereo of
/// parametric stereo (HE-AAC v2), signalled explicitly or by the backward-compatible extension.
struct MP4AudioSpecificConfig {
  /// The first audio object type: 2 for AAC-LC, 5 for SBR, 29 for PS; escapes (31) resolved.
  var objectType: Int
  var sampleRate: Int?
  var channels: Int?
  var hasSBR = false
  var hasPS = false

  static let sampleRates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]
  static let channelCounts: [UInt32: Int] = [1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 8, 11: 7, 12: 8, 13: 24, 14: 8]

  init?(_ bytes: ArraySlice<UInt8>) {
    var bits = MP4BitReader(bytes)
    do {
      try self.init(&bits)
    } catch {
      return nil
    }
  }

  private init(_ bits: inout MP4BitReader) throws(ProbeFailure) {
    var type = try Self.objectType(&bits)
    objectType = type
    sampleRate = try Self.sampleRate(&bits)
    let channelConfiguration = try bits.read(4)
    channels = Self.channelCounts[channelConfiguration]
    if type == 5 || type == 29 {
      hasSBR = true
      hasPS = type == 29
      sampleRate = try Self.sampleRate(&bits) ?? sampleRate
      type = try Self.objectType(&bits)
    } else if [1, 2, 3, 4, 6, 7].contains(type), channelConfiguration != 0 {
      try readBackwardCompatibleExtension(&bits, type: type)
    }
    if hasPS { channels = 2 }
  }

  /// Skips the GASpecificConfig, then looks for the SBR and PS sync extensions (0x2B7, 0x548).
  private mutating func readBackwardCompatibleExtension(_ bits: inout MP4BitReader, type: Int) throws(ProbeFailure) {
    try bits.skip(1)
    if try bits.read(1) == 1 { try bits.skip(14) }
    let extensionFlag = try bits.read(1)
    if type == 6 { try bits.skip(3) }
    if extensionFlag == 1 { try bits.skip(1) }
    guard bits.remaining >= 16, try bits.read(11) == 0x2B7, try Self.objectType(&bits) == 5,
      try bits.read(1) == 1
    else { return }
    hasSBR = true
    sampleRate = try Self.sampleRate(&bits) ?? sampleRate
    if bits.remaining >= 12, try bits.read(11) == 0x548 { hasPS = try bits.read(1) == 1 }
  }

  private static func objectType(_ bits: inout MP4BitReader) throws(ProbeFailure) -> Int {
    let type = Int(try bits.read(5))
    return type == 31 ? 32 + Int(try bits.read(6)) : type
  }

  private static func sampleRate(_ bits: inout MP4BitReader) throws(ProbeFailure) -> Int? {
    let index = Int(try bits.read(4))
    if index == 15 { return Int(try bits.read(24)) }
    return index < sampleRates.count ? sampleRates[index] : nil
  }
}
