/// Packs a short element or attribute name into an integer, six bits a character, so that
/// looking it up costs no string.
enum HTMLNameKey {
  /// Ten characters of `[a-z0-9]` fit in 60 bits; longer or other names have no key.
  static func key(_ name: UnsafePointer<UInt8>, maxLength: Int = 10) -> UInt64? {
    var key: UInt64 = 0
    var index = 0
    while name[index] != 0 {
      guard index < maxLength, let code = code(name[index]) else { return nil }
      key = key << 6 | code
      index += 1
    }
    return key
  }

  static func key(_ name: String) -> UInt64? {
    let terminated = Array(name.utf8) + [0]
    return terminated.withUnsafeBufferPointer { $0.baseAddress.flatMap { key($0) } }
  }

  private static func code(_ byte: UInt8) -> UInt64? {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt64(byte - UInt8(ascii: "a") + 1)
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt64(byte - UInt8(ascii: "A") + 1)
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0") + 27)
    default: nil
    }
  }
}
