/// RFC 6381 codec strings for video, from the decoder configuration boxes of sample entries.
enum MP4VideoCodec {
  /// `avc1.PPCCLL` from `avcC`: profile, constraint flags and level in hexadecimal.
  static func avc(_ format: String, _ reader: inout ByteReader) throws(ProbeFailure) -> String {
    try reader.skip(1)
    let profile = try reader.u8()
    let constraints = try reader.u8()
    let level = try reader.u8()
    return format + "." + MP4Hex.byte(profile) + MP4Hex.byte(constraints) + MP4Hex.byte(level)
  }

  /// `hvc1.1.6.L93.B0` from `hvcC` (ISO/IEC 14496-15 Annex E): profile space and profile, the
  /// compatibility flags in reverse bit order, tier and level, then the constraint bytes
  /// without trailing zero bytes.
  static func hevc(_ format: String, _ reader: inout ByteReader) throws(ProbeFailure) -> String {
    try reader.skip(1)
    let first = try reader.u8()
    let compatibility = try reader.u32be()
    var constraints = Array(try reader.bytes(6))
    let level = try reader.u8()
    while constraints.last == 0 { constraints.removeLast() }
    let space = ["", "A", "B", "C"][Int(first >> 6)]
    let tier = first & 0x20 == 0 ? "L" : "H"
    var text =
      "\(format).\(space)\(first & 0x1F).\(MP4Hex.minimal(reversed(compatibility), uppercase: true)).\(tier)\(level)"
    for byte in constraints { text += "." + MP4Hex.byte(byte, uppercase: true) }
    return text
  }

  /// `av01.P.LLT.DD` from `av1C`: profile, level, tier and bit depth (the optional fields after
  /// them are left out, as the AV1 codec ISO binding allows).
  static func av1(_ reader: inout ByteReader) throws(ProbeFailure) -> String {
    try reader.skip(1)
    let second = try reader.u8()
    let third = try reader.u8()
    let profile = second >> 5
    let level = second & 0x1F
    let depth = third & 0x40 == 0 ? 8 : (profile == 2 && third & 0x20 != 0 ? 12 : 10)
    return "av01.\(profile).\(twoDigits(level))\(third & 0x80 == 0 ? "M" : "H").\(twoDigits(UInt8(depth)))"
  }

  /// `vp09.PP.LL.DD` from `vpcC` version 1: profile, level and bit depth.
  static func vp9(_ format: String, _ reader: inout ByteReader) throws(ProbeFailure) -> String {
    try reader.skip(4)
    let profile = try reader.u8()
    let level = try reader.u8()
    let depth = try reader.u8() >> 4
    return "\(format).\(twoDigits(profile)).\(twoDigits(level)).\(twoDigits(depth))"
  }

  private static func twoDigits(_ value: UInt8) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// The bits in reverse order: bit 0 becomes bit 31.
  static func reversed(_ bits: UInt32) -> UInt32 {
    var value = bits
    var result: UInt32 = 0
    for _ in 0..<32 {
      result = result << 1 | value & 1
      value >>= 1
    }
    return result
  }
}
