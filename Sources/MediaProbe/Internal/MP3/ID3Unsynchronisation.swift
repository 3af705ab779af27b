/// ID3v2 unsynchronisation: writers insert a zero after every 0xFF so that no false MPEG sync
/// appears inside a tag; readers take each of those zeros out again.
enum ID3Unsynchronisation {
  static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var previous: UInt8 = 0
    for byte in bytes {
      if !(previous == 0xFF && byte == 0) { output.append(byte) }
      // After a removed zero, a following 0x00 is data again.
      previous = previous == 0xFF && byte == 0 ? 0 : byte
    }
    return output
  }
}
