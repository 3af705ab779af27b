/// Finds characters that XML 1.0 cannot carry, before they reach a feed.
enum ControlCharacters {
  /// The 1-based line and the scalar of the first disallowed character, if any.
  static func first(in bytes: [UInt8]) -> (line: Int, scalar: UInt32)? {
    bytes.withUnsafeBufferPointer { first(in: $0) }
  }

  static func first(in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, scalar: UInt32)? {
    var line = 1
    for index in buffer.indices {
      let byte = buffer[index]
      if byte >= 0x20, byte != 0xBF, byte != 0xBE { continue }
      if byte == 0x0A {
        line += 1
      } else if byte < 0x20, byte != 0x09, byte != 0x0D {
        return (line, UInt32(byte))
      } else if byte >= 0xBE, index >= 2, buffer[index - 2] == 0xEF, buffer[index - 1] == 0xBF {
        return (line, byte == 0xBE ? 0xFFFE : 0xFFFF)
      }
    }
    return nil
  }
}
