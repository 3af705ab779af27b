/// Characters that change how the text around them is shown without being seen themselves:
/// bidirectional controls that can reverse a title on screen (U+202E makes `3pm.exe` read as
/// `exe.mp3`), and zero-width characters that make two names look the same. See Unicode
/// Technical Report #36, https://www.unicode.org/reports/tr36/#Bidirectional_Text_Spoofing.
enum InvisibleCharacters {
  /// The first such character, if any. Zero-width joiners and non-joiners are allowed between
  /// two non-ASCII characters, where scripts and emoji sequences (👩‍💻) need them.
  static func first(in text: String) -> Unicode.Scalar? {
    // Every one of them is above U+007F: ASCII text needs no closer look.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar.value {
      case 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
        return scalar
      case 0x200C, 0x200D:
        let joins = index > 0 && index + 1 < scalars.count && isJoinable(scalars[index - 1]) && isJoinable(scalars[index + 1])
        if !joins { return scalar }
      default:
        continue
      }
    }
    return nil
  }

  /// How a finding names one: `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let code = String(scalar.value, radix: 16, uppercase: true)
    let name = scalar.properties.name.map { " (\($0))" } ?? ""
    return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + name
  }

  private static func isJoinable(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.isASCII && !scalar.properties.isWhitespace && first(in: String(scalar)) == nil
  }
}
