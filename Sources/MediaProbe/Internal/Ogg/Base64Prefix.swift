/// Decodes the start of a base64 text, enough to read a picture header from a
/// `METADATA_BLOCK_PICTURE` comment without decoding the whole picture.
enum Base64Prefix {
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(character)] = UInt8(index)
    }
    return table
  }()

  /// Up to `limit` decoded bytes; stops at padding or the first character outside the alphabet.
  static func decode(_ text: ArraySlice<UInt8>, limit: Int) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, text.count * 3 / 4 + 3))
    var accumulator: UInt32 = 0
    var bits = 0
    for character in text {
      let value = values[Int(character)]
      guard value != 0xFF, output.count < limit else { break }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return output
  }
}
