/// A FLAC frame header (RFC 9639 §9.1), checked by its CRC-8: enough to find frames in the tail
/// of a file and to tell which samples they hold.
struct FLACFrameHeader {
  /// The header's bytes, CRC included.
  let length: Int
  let blockSize: Int
  let variableBlocking: Bool
  /// The frame number (fixed blocking) or the first sample's number (variable blocking).
  let number: Int64

  /// Parses a header at the start of `bytes`; nil unless every field is valid and the CRC matches.
  init?(_ bytes: ArraySlice<UInt8>) {
    var reader = ByteReader(Array(bytes.prefix(16)))
    guard let sync = try? reader.u16be(), sync & 0xFFFE == 0xFFF8,
      let codes = try? reader.u8(), let layout = try? reader.u8(),
      codes >> 4 != 0, codes & 0x0F != 0x0F, layout >> 4 < 11, layout & 0x01 == 0,
      let number = Self.codedNumber(&reader)
    else { return nil }
    guard let blockSize = Self.blockSize(code: Int(codes >> 4), &reader),
      (try? reader.skip(Self.rateBytes(code: Int(codes & 0x0F)))) != nil,
      let crc = try? reader.u8(), FLACCRC.crc8(reader.bytes[0..<reader.position - 1]) == crc
    else { return nil }
    self.length = reader.position
    self.blockSize = blockSize
    self.variableBlocking = sync & 0x01 != 0
    self.number = number
  }

  /// The UTF-8-like coded frame or sample number: 1 to 7 bytes.
  private static func codedNumber(_ reader: inout ByteReader) -> Int64? {
    guard let first = try? reader.u8(), first != 0xFF, first & 0xC0 != 0x80 else { return nil }
    let extra = first < 0x80 ? 0 : (~first).leadingZeroBitCount - 1
    var value = Int64(first & (extra == 0 ? 0x7F : 0x7F >> (extra + 1)))
    for _ in 0..<extra {
      guard let next = try? reader.u8(), next & 0xC0 == 0x80 else { return nil }
      value = value << 6 | Int64(next & 0x3F)
    }
    return value
  }

  private static func blockSize(code: Int, _ reader: inout ByteReader) -> Int? {
    switch code {
    case 1: 192
    case 2...5: 576 << (code - 2)
    case 6: (try? reader.u8()).map { Int($0) + 1 }
    case 7: (try? reader.u16be()).map { Int($0) + 1 }
    default: 256 << (code - 8)
    }
  }

  private static func rateBytes(code: Int) -> Int {
    switch code {
    case 12: 1
    case 13, 14: 2
    default: 0
    }
  }
}
