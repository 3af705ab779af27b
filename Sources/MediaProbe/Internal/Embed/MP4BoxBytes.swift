/// One box of an MPEG-4 movie held in memory, for the chapter writer: where it is in the bytes and
/// where its payload starts (ISO/IEC 14496-12, 4.2).
struct MP4BoxBytes {
  let type: String
  let start: Int
  let size: Int
  let header: Int
  var payload: Range<Int> { start + header..<start + size }
  var range: Range<Int> { start..<start + size }

  /// The box's bytes, a size of 0 ("to the end of the parent") written out: copied into a parent
  /// that grows, it would otherwise swallow whatever the writer adds after it.
  func copy(from bytes: [UInt8]) -> [UInt8] {
    guard header == 8, Self.bigEndian(bytes[start..<start + 4]) == 0, size <= Int(UInt32.max) else { return Array(bytes[range]) }
    return Self.u32(UInt32(size)) + bytes[start + 4..<start + size]
  }

  /// The boxes one after another in `range` of `bytes`; a box that runs past the range is refused.
  static func boxes(in bytes: [UInt8], _ range: Range<Int>) throws(ChapterEmbedder.Refusal) -> [MP4BoxBytes] {
    var result: [MP4BoxBytes] = []
    var position = range.lowerBound
    while position + 8 <= range.upperBound {
      var size = bigEndian(bytes[position..<position + 4])
      var header = 8
      if size == 1, position + 16 <= range.upperBound {
        size = bigEndian(bytes[position + 8..<position + 16])
        header = 16
      } else if size == 0 {
        size = range.upperBound - position
      }
      let type = String(decoding: bytes[position + 4..<position + 8], as: UTF8.self)
      guard size >= header, size <= range.upperBound - position else {
        throw ChapterEmbedder.Refusal("the MP4 box '\(type)' inside 'moov' runs past its parent; repair the file first")
      }
      result.append(MP4BoxBytes(type: type, start: position, size: size, header: header))
      position += size
    }
    return result
  }

  /// A box with a 32-bit size (everything the chapter writer builds is far smaller than 4 GB).
  static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
    u32(UInt32(payload.count + 8)) + Array(type.utf8) + payload
  }

  /// A full box: version and 24 bits of flags before the payload.
  static func fullBox(_ type: String, version: UInt8 = 0, flags: UInt32 = 0, _ payload: [UInt8]) -> [UInt8] {
    box(type, [version] + u32(flags).suffix(3) + payload)
  }

  static func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

  static func u32(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

  static func u64(_ value: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8((value >> (8 * UInt64($0))) & 0xFF) } }

  static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
