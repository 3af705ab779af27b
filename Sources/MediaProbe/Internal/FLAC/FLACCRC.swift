/// FLAC's checksums (RFC 9639 §9.1.8, §9.3): CRC-8 (polynomial 0x07) over a frame header and
/// CRC-16 (polynomial 0x8005) over a whole frame. They tell real frames from sync-like bytes.
enum FLACCRC {
  private static let table8: [UInt8] = (0..<256).map { index in
    var crc = UInt8(index)
    for _ in 0..<8 { crc = crc & 0x80 != 0 ? crc << 1 ^ 0x07 : crc << 1 }
    return crc
  }

  private static let table16: [UInt16] = (0..<256).map { index in
    var crc = UInt16(index) << 8
    for _ in 0..<8 { crc = crc & 0x8000 != 0 ? crc << 1 ^ 0x8005 : crc << 1 }
    return crc
  }

  static func crc8(_ bytes: ArraySlice<UInt8>) -> UInt8 {
    var crc: UInt8 = 0
    for byte in bytes { crc = table8[Int(crc ^ byte)] }
    return crc
  }

  static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
    table16.withUnsafeBufferPointer { table in
      var crc: UInt16 = 0
      for byte in bytes { crc = crc << 8 ^ table[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)] }
      return crc
    }
  }
}
