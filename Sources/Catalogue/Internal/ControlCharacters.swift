/// Finds characters that XML 1.0 cannot carry, before they reach a feed.
enum ControlCharacters {
  /// The 1-based line and the scalar of the first disallowed character, if any.
  static func first(in bytes: some Collection<UInt8>) -> (line: Int, scalar: UInt32)? {
    var line = 1
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      if byte == 0x0A {
        line += 1
      } else if byte < 0x20, byte != 0x09, byte != 0x0D {
        return (line, UInt32(byte))
      } else if previous == (0xEF, 0xBF), byte == 0xBE || byte == 0xBF {
        return (line, byte == 0xBE ? 0xFFFE : 0xFFFF)
      }
      previous = (previous.1, byte)
    }
    return nil
  }
}
