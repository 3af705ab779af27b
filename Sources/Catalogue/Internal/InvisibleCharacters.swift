/// Characters that change how the text around them is shown without being seen themselves:
/// bidirectional controls that can reverse a title on screen (U+202E makes `3pm.exe` read as
/// `exe.mp3`), zero-width characters and blank fillers (the Hangul fillers) that make two names
/// look the same, and tag characters, which carry a hidden copy of ASCII text. See Unicode
/// Technical Report #36, https://www.unicode.org/reports/tr36/#Bidirectional_Text_Spoofing.
enum InvisibleCharacters {
  /// The first such character, if any. Zero-width joiners and non-joiners are allowed between
  /// two non-ASCII characters, where scripts and emoji sequences (👩‍💻) need them, and tag
  /// characters in the one place emoji need them: a subdivision flag, 🏴 followed by tags
  /// (https://www.unicode.org/reports/tr51/#Emoji_Tag_Sequences).
  static func first(in text: String) -> Unicode.Scalar? {
    // Every one of them is above U+007F: ASCII text needs no closer look.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
    var previous: Unicode.Scalar?
    // A joiner after a joinable character, waiting for the character after it.
    var joiner: Unicode.Scalar?
    // Inside a flag's tag sequence, after 🏴 and before its cancel tag.
    var inFlag = false
    for scalar in text.unicodeScalars {
      if let waiting = joiner {
        guard isJoinable(scalar) else { return waiting }
        joiner = nil
      }
      if (0xE0000...0xE007F).contains(scalar.value) {
        guard scalar.value >= 0xE0020, inFlag || previous?.value == 0x1F3F4 else { return scalar }
        inFlag = scalar.value != 0xE007F
        previous = scalar
        continue
      }
      inFlag = false
      if isRefused(scalar.value) { return scalar }
      if isJoiner(scalar.value) {
        guard let previous, isJoinable(previous) else { return scalar }
        joiner = scalar
      }
      previous = scalar
    }
    return joiner
  }

  /// How a finding names one: `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let code = String(scalar.value, radix: 16, uppercase: true)
    let name = scalar.properties.name.map { " (\($0))" } ?? ""
    return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + name
  }

  private static func isRefused(_ value: UInt32) -> Bool {
    switch value {
    case 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E,
      0x2060...0x2064, 0x2066...0x2069, 0x3164, 0xFEFF, 0xFFA0:
      true
    default: false
    }
  }

  private static func isJoiner(_ value: UInt32) -> Bool { value == 0x200C || value == 0x200D }

  private static func isJoinable(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.isASCII && !scalar.properties.isWhitespace && !isRefused(scalar.value) && !isJoiner(scalar.value)
  }
}
