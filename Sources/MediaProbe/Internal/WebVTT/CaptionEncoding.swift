/// WebVTT is UTF-8 (https://www.w3.org/TR/webvtt1/#file-structure), and Podium publishes every
/// transcript form as UTF-8: a caption file in another encoding would reach apps as mojibake.
/// Control characters (other than tab) show as nothing or as boxes, and XML and HTML can't carry
/// most of them, so they are reported too.
enum CaptionEncoding {
  /// The first line that isn't valid UTF-8 or holds a control character, as a problem to report.
  /// Byte by byte, since a transcript is up to 16 MB and almost all ASCII.
  static func firstProblem(_ bytes: [UInt8], from start: Int) -> CaptionProblem? {
    bytes.withUnsafeBufferPointer { buffer in
      var line = 1
      var index = start
      while index < buffer.count {
        let byte = buffer[index]
        if byte < 0x80 {
          if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
            line += 1
          } else if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
            return control(UInt32(byte), line: line)
          }
          index += 1
          continue
        }
        guard let (scalar, length) = decode(buffer, at: index) else {
          return CaptionProblem(
            line: line, "the text is not valid UTF-8; save the file as UTF-8 (WebVTT requires it, and Podium publishes UTF-8)")
        }
        if (0x80...0x9F).contains(scalar) || scalar == 0xFFFE || scalar == 0xFFFF { return control(scalar, line: line) }
        index += length
      }
      return nil
    }
  }

  private static func control(_ scalar: UInt32, line: Int) -> CaptionProblem {
    let code = String(scalar, radix: 16, uppercase: true)
    return CaptionProblem(
      line: line,
      "a control character, U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which no app shows; remove it")
  }

  /// The scalar of the multi-byte sequence at `index` and its length, or nil when it is not
  /// well-formed UTF-8 (https://www.unicode.org/versions/latest/ch03.pdf, table 3-7): no overlong
  /// forms, no surrogates, nothing past U+10FFFF.
  private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let lead = buffer[index]
    let (length, minimum, initial): (Int, UInt32, UInt32) =
      switch lead {
      case 0xC2...0xDF: (2, 0x80, UInt32(lead & 0x1F))
      case 0xE0...0xEF: (3, 0x800, UInt32(lead & 0x0F))
      case 0xF0...0xF4: (4, 0x10000, UInt32(lead & 0x07))
      default: (0, 0, 0)
      }
    guard length > 0, index + length <= buffer.count else { return nil }
    var scalar = initial
    for offset in 1..<length {
      let byte = buffer[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
    }
    guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
    return (scalar, length)
  }
}
