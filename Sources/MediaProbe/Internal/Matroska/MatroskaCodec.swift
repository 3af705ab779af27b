/// Codec strings for Matroska tracks: the RFC 6381 form browsers take in `codecs=` (built from
/// CodecPrivate when it holds the configuration record), else the short name WebM uses.
enum MatroskaCodec {
  static let simple: [String: String] = [
    "V_VP8": "vp8", "V_THEORA": "theora", "A_OPUS": "opus", "A_VORBIS": "vorbis", "A_FLAC": "flac",
    "A_MPEG/L3": "mp3", "A_AC3": "ac-3", "A_EAC3": "ec-3", "S_TEXT/WEBVTT": "wvtt",
  ]

  static func string(codecID: String, codecPrivate: ArraySlice<UInt8>) -> String {
    if let name = simple[codecID] { return name }
    let config = Array(codecPrivate)
    switch codecID {
    case "V_VP9": return vp9(config)
    case "V_AV1": return av1(config)
    case "V_MPEG4/ISO/AVC": return config.count >= 4 ? "avc1." + hex(config[1...3]) : "avc1"
    case "V_MPEGH/ISO/HEVC": return hevc(config)
    case _ where codecID.hasPrefix("A_AAC"): return aac(config)
    default: return codecID.lowercased()
    }
  }

  /// WebM's VP9 Codec Feature Metadata: (id, length, value) triples for profile (1), level (2)
  /// and bit depth (3). Without them only the short name is known.
  private static func vp9(_ config: [UInt8]) -> String {
    var features: [UInt8: UInt8] = [:]
    var index = 0
    while index + 1 < config.count {
      let length = Int(config[index + 1])
      if length == 1, index + 2 < config.count { features[config[index]] = config[index + 2] }
      index += 2 + length
    }
    guard let profile = features[1], let level = features[2], let depth = features[3] else { return "vp9" }
    return "vp09.\(twoDigits(profile)).\(twoDigits(level)).\(twoDigits(depth))"
  }

  /// av1C: marker and version, then profile and level, then tier and bit depth flags.
  private static func av1(_ config: [UInt8]) -> String {
    guard config.count >= 4, config[0] == 0x81 else { return "av01" }
    let profile = config[1] >> 5
    let level = config[1] & 0x1F
    let tier = config[2] & 0x80 != 0 ? "H" : "M"
    let depth = config[2] & 0x40 == 0 ? 8 : config[2] & 0x20 != 0 ? 12 : 10
    return "av01.\(profile).\(twoDigits(level))\(tier).\(twoDigits(UInt8(depth)))"
  }

  /// hvcC: profile space, tier and profile, compatibility flags (written bit-reversed), level and
  /// constraint bytes (trailing zero bytes left out), per ISO/IEC 14496-15 Annex E.
  private static func hevc(_ config: [UInt8]) -> String {
    guard config.count >= 13 else { return "hvc1" }
    let space = ["", "A", "B", "C"][Int(config[1] >> 6)]
    let tier = config[1] & 0x20 != 0 ? "H" : "L"
    let compatibility = config[2...5].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    var constraints = Array(config[6...11])
    while constraints.last == 0 { constraints.removeLast() }
    let parts = [
      "hvc1", "\(space)\(config[1] & 0x1F)", String(reversedBits(compatibility), radix: 16, uppercase: true),
      "\(tier)\(config[12])",
    ] + constraints.map { String($0, radix: 16, uppercase: true) }
    return parts.joined(separator: ".")
  }

  /// AudioSpecificConfig: the audio object type is the first 5 bits (31 escapes to 6 more).
  private static func aac(_ config: [UInt8]) -> String {
    guard let first = config.first else { return "mp4a.40.2" }
    var objectType = Int(first >> 3)
    if objectType == 31, config.count >= 2 { objectType = 32 + (Int(first & 0x07) << 3 | Int(config[1] >> 5)) }
    return "mp4a.40.\(objectType)"
  }

  private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  private static func twoDigits(_ value: UInt8) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// The bits in reverse order, as HEVC codec strings write the compatibility flags.
  private static func reversedBits(_ value: UInt32) -> UInt32 {
    var value = value
    var result: UInt32 = 0
    for _ in 0..<32 {
      result = result << 1 | value & 1
      value >>= 1
    }
    return result
  }
}
