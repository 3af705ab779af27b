/// Hexadecimal digits for codec strings, without Foundation's `String(format:)`.
enum MP4Hex {
  private static let lower = Array("0123456789abcdef")
  private static let upper = Array("0123456789ABCDEF")

  /// Two digits, zero-padded.
  static func byte(_ value: UInt8, uppercase: Bool = false) -> String {
    let digits = uppercase ? upper : lower
    return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
  }

  /// As few digits as the value needs (`0` for zero).
  static func minimal(_ value: UInt32, uppercase: Bool = false) -> String {
    String(value, radix: 16, uppercase: uppercase)
  }
}
