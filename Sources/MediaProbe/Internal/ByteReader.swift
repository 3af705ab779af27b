/// A bounds-checked cursor over a buffer. Every read that would pass the end throws, so a
/// parser can't read outside what it was given, whatever sizes the file claims.
struct ByteReader {
  let bytes: [UInt8]
  /// Where `bytes` starts in the file, for messages.
  let base: Int64
  private(set) var position: Int

  init(_ bytes: [UInt8], base: Int64 = 0) {
    self.bytes = bytes
    self.base = base
    self.position = 0
  }

  var remaining: Int { bytes.count - position }
  var isAtEnd: Bool { position >= bytes.count }
  /// The file offset of the cursor.
  var offset: Int64 { base + Int64(position) }

  mutating func seek(to position: Int) throws(ProbeFailure) {
    guard position >= 0, position <= bytes.count else { throw .outOfBounds(offset: base + Int64(position)) }
    self.position = position
  }

  mutating func skip(_ count: Int) throws(ProbeFailure) {
    guard count >= 0, count <= remaining else { throw .outOfBounds(offset: offset) }
    position += count
  }

  mutating func bytes(_ count: Int) throws(ProbeFailure) -> ArraySlice<UInt8> {
    guard count >= 0, count <= remaining else { throw .outOfBounds(offset: offset) }
    defer { position += count }
    return bytes[position..<position + count]
  }

  func peek(_ count: Int) -> ArraySlice<UInt8> {
    bytes[position..<min(bytes.count, position + max(0, count))]
  }

  mutating func u8() throws(ProbeFailure) -> UInt8 {
    guard remaining >= 1 else { throw .outOfBounds(offset: offset) }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func u16be() throws(ProbeFailure) -> UInt16 { UInt16(try uintBE(2)) }
  mutating func u24be() throws(ProbeFailure) -> UInt32 { UInt32(try uintBE(3)) }
  mutating func u32be() throws(ProbeFailure) -> UInt32 { UInt32(try uintBE(4)) }
  mutating func u64be() throws(ProbeFailure) -> UInt64 { try uintBE(8) }
  mutating func u16le() throws(ProbeFailure) -> UInt16 { UInt16(try uintLE(2)) }
  mutating func u32le() throws(ProbeFailure) -> UInt32 { UInt32(try uintLE(4)) }
  mutating func u64le() throws(ProbeFailure) -> UInt64 { try uintLE(8) }

  mutating func uintBE(_ count: Int) throws(ProbeFailure) -> UInt64 {
    guard count <= 8, remaining >= count else { throw .outOfBounds(offset: offset) }
    var value: UInt64 = 0
    for index in 0..<count { value = value << 8 | UInt64(bytes[position + index]) }
    position += count
    return value
  }

  mutating func uintLE(_ count: Int) throws(ProbeFailure) -> UInt64 {
    guard count <= 8, remaining >= count else { throw .outOfBounds(offset: offset) }
    var value: UInt64 = 0
    for index in (0..<count).reversed() { value = value << 8 | UInt64(bytes[position + index]) }
    position += count
    return value
  }

  /// Four bytes as text, for box types and chunk ids (`moov`, `RIFF`).
  mutating func fourCC() throws(ProbeFailure) -> String {
    String(decoding: try bytes(4), as: UTF8.self)
  }
}
