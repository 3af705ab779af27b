/// Reads bit fields most significant bit first, as MPEG-4 descriptors pack them. Reads past
/// the end throw, like `ByteReader`.
struct MP4BitReader {
  private let bytes: ArraySlice<UInt8>
  private var bit = 0

  init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  var remaining: Int { bytes.count * 8 - bit }

  mutating func read(_ count: Int) throws(ProbeFailure) -> UInt32 {
    guard count >= 0, count <= 32, count <= remaining else { throw .outOfBounds(offset: Int64(bit / 8)) }
    var value: UInt32 = 0
    for _ in 0..<count {
      let byte = bytes[bytes.startIndex + bit >> 3]
      value = value << 1 | UInt32(byte >> (7 - UInt8(bit & 7)) & 1)
      bit += 1
    }
    return value
  }

  mutating func skip(_ count: Int) throws(ProbeFailure) {
    guard count >= 0, count <= remaining else { throw .outOfBounds(offset: Int64(bit / 8)) }
    bit += count
  }
}
