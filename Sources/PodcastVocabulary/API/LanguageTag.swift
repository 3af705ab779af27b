/// A light BCP 47 check, for the catalogue's languages and feeds' `lang` attributes alike: a two-
/// or three-letter language, then subtags of one to eight letters and digits (`nl`, `nl-BE`,
/// `zh-Hant-TW`, `en-x-a`). Apple wants ISO 639 with an optional region, which this accepts.
public enum LanguageTag {
  public static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.utf8.allSatisfy(isLetter) else { return false }
    return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.utf8.allSatisfy { isLetter($0) || isDigit($0) } }
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
